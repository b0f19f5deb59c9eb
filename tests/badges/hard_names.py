"""Names that break naive badge code, shared by the badge tests, the docs renderer and the benchmark."""

from __future__ import annotations

HARD_NAMES: tuple[tuple[str, str, str], ...] = (
    ("Marie-Noëlle Anne-Sophie", "de La Tour d'Auvergne-Lauraguais du Saint-Esprit",
     "Coopérative Les Paniers du Panier"),
    ("Nguyễn Thị Thu", "Nguyễn", "Hội Doanh nghiệp"),
    ("Ὀδυσσεύς", "Παπαδόπουλος", "Ἑλληνικὴ Ἑταιρεία"),
    ("Ольга", "Коваленко", "Кооператив «Світанок»"),
    ("محمد", "الأحمد", "جمعية التضامن"),
    ("İsmail", "Şahin", "Ağaç Işık Derneği"),
    ("Œdipe", "Straße", "Œuvres Sociales"),
    ("王芳", "李", "北京大学"),
    ("Zoé 🎉", "Martin 👩‍💻", "Café ☕ Solidaire"),
)
# Scripts that need HarfBuzz shaping or a per-script font: the Allah ligature and right-to-left
# word order, Hebrew, Armenian, Devanagari conjuncts.
HARD_NAMES += (
    ("محمد بن عبد الله", "عبد الله", "جمعية الأمل"),
    ("שרה", "כהן לוי", "עמותת הגשר"),
    ("Արամ", "Հովհաննիսյան", "Հայկական Կոոպերատիվ"),
    ("प्रिया", "शर्मा", "सहकारी समिति"),
)
