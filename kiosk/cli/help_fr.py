"""The command line's help in French (the kiosk's first language): each English help text, as written
in the ``cmd_*.py`` modules, and argparse's own words. English stays in the code, where it is read;
``kiosk.cli.main`` swaps the words in when the command runs in French. A test checks every help text
of the parser has its entry here (argparse's own "-h" help is in ARGPARSE_FR)."""

from __future__ import annotations

HELP_FR: dict[str, str] = {
    "show kiosk's version and exit": "affiche la version de kiosk et quitte",
    "quit as soon as the window has painted once (with --screenshot: that frame); staff and self-service "
    "modes, for start-up benchmarks and smoke tests":
        "quitte dès que la fenêtre s'est dessinée une fois (avec --screenshot : cette image) ; modes staff et "
        "self-service, pour les mesures de démarrage et les tests de fumée",
    "On-site event check-in.": "Contrôle d'accès sur place d'un événement.",
    "JSON on stdout (messages stay on stderr)": "du JSON sur la sortie standard (les messages restent sur stderr)",
    "data directory (default: $KIOSK_DATA_DIR or the user data dir)":
        "dossier de données (par défaut : $KIOSK_DATA_DIR ou le dossier de données de l'utilisateur)",
    "language of messages and verdicts: fr or en (default: settings, then $LANG)":
        "langue des messages et des verdicts : fr ou en (par défaut : les réglages, puis $LANG)",
    "create or show the event of this data dir": "crée ou affiche l'événement de ce dossier de données",
    "create the #Plus20 demo event: 152 fictitious guests (9 cancelled)":
        "crée l'événement de démonstration #Plus20 : 152 invité·es fictif·ves (9 annulé·es)",
    "import registrations (CSV/TSV/xlsx from HelloAsso, Weezevent, ...)":
        "importe les inscriptions (CSV/TSV/xlsx de HelloAsso, Weezevent…)",
    "export attendees with their check-in status (.csv or .xlsx)":
        "exporte les participant·es avec leur arrivée (.csv ou .xlsx)",
    "check a ticket code (or signed payload) in or out":
        "enregistre l'entrée ou la sortie d'un code de billet (ou d'un QR signé)",
    "revert the last scan of this device": "annule le dernier passage de ce poste",
    "let a guest in anyway (recorded with who and why)":
        "fait entrer quelqu'un malgré tout (noté avec qui et pourquoi)",
    "find attendees by name, organisation, email or code":
        "cherche des participant·es par nom, structure, e-mail ou code",
    "register a walk-in guest": "inscrit une personne sur place",
    "correct a guest's name, e-mail, organisation, category or workshop":
        "corrige le nom, l'e-mail, la structure, la catégorie ou l'atelier d'une personne",
    "registered, arrived, inside now, per workshop and category":
        "inscrit·es, arrivé·es, présent·es maintenant, par atelier et par catégorie",
    "the scans of one attendee": "les passages d'une personne",
    "ticket-signing keys (Ed25519)": "clés de signature des billets (Ed25519)",
    "print the signed QR payload of an attendee": "affiche le contenu signé du QR d'une personne",
    "one guest's badge as a PDF": "le badge d'une personne en PDF",
    "badges of all guests in one PDF": "les badges de tout le monde dans un PDF",
    "badge formats": "formats de badge",
    "e-mail tickets: PDF + QR PNG per guest, and mailing.csv":
        "billets à envoyer par e-mail : PDF + QR en PNG par personne, et mailing.csv",
    "print a guest's badge through the persistent queue":
        "imprime le badge d'une personne par la file d'impression persistante",
    "printers this machine knows": "les imprimantes que connaît cette machine",
    "decode QR codes and barcodes in image or video files":
        "lit les QR codes et codes-barres de fichiers image ou vidéo",
    "walk-ins waiting for a place (the venue was full)":
        "personnes inscrites sur place en attente d'une place (la salle était pleine)",
    "open the check-in window": "ouvre la fenêtre d'accueil",
    "evacuation list: everyone inside now, by last name":
        "liste d'évacuation : tout le monde présent maintenant, par nom",
    "after-event attendance report (aggregates only, no names)":
        "bilan de fréquentation après l'événement (des totaux seulement, aucun nom)",
    "close the evening: check out everyone still inside":
        "clôt la soirée : enregistre la sortie de tout le monde encore présent",
    "the staff PIN of the occupancy screen's protected buttons":
        "le code PIN de l'équipe pour les boutons protégés de l'écran d'affluence",
    "the PostgreSQL hub several kiosks replicate through":
        "le hub PostgreSQL par lequel plusieurs postes se synchronisent",
    "one round with the hub: push this kiosk's scans, pull the others'":
        "un échange avec le hub : envoie les passages de ce poste, reçoit ceux des autres",
    "make this fresh data dir a replica of an event on the hub":
        "fait de ce dossier de données neuf une copie d'un événement du hub",
    "guests admitted at two kiosks while offline (Entrées en double)":
        "personnes admises à deux postes pendant une coupure (Entrées en double)",
    "OTHER is the same person as KEEP: its scans and badges count for KEEP, OTHER is cancelled "
    "(never done automatically)":
        "OTHER est la même personne que KEEP : ses passages et badges comptent pour KEEP, OTHER est annulé "
        "(jamais fait automatiquement)",
    "two records offered for merging are two people: never offered again":
        "deux fiches proposées à la fusion sont deux personnes : plus jamais proposées",
    "create the event (it becomes the active one)": "crée l'événement (il devient l'événement actif)",
    "change the active event (each field stamped, merged through the hub)":
        "modifie l'événement actif (chaque champ daté, fusionné par le hub)",
    "show the active event": "affiche l'événement actif",
    "the events of this data dir (* marks the active one)":
        "les événements de ce dossier de données (* marque l'actif)",
    "make another event of this data dir the active one":
        "rend actif un autre événement de ce dossier de données",
    "start, ISO 8601 (2026-11-30T18:00+01:00)": "début, ISO 8601 (2026-11-30T18:00+01:00)",
    "how many people the venue holds": "combien de personnes la salle peut accueillir",
    "who processes walk-ins' data, why and for how long (shown beside the consent box)":
        "qui traite les données des inscrit·es sur place, pourquoi et combien de temps "
        "(affiché près de la case de consentement)",
    "ticket codes differ by case (default: matched case-insensitively)":
        "les codes de billet distinguent majuscules et minuscules (par défaut : non)",
    "new value ('' clears it, the name excepted)": "nouvelle valeur ('' l'efface, sauf le nom)",
    "add or change": "ajoute ou modifie",
    "drop a workshop or category": "retire un atelier ou une catégorie",
    "event id (or a unique prefix of it, or its exact name)":
        "identifiant de l'événement (ou un début unique de celui-ci, ou son nom exact)",
    "make the demo the active event even though this data dir serves another one":
        "rend la démonstration active même si ce dossier de données sert un autre événement",
    "map a column by hand (FIELD: ticket_code, first_name, last_name, full_name, email, organisation, "
    "category, workshop, status, ignore)":
        "associe une colonne à la main (FIELD : ticket_code, first_name, last_name, full_name, email, "
        "organisation, category, workshop, status, ignore)",
    "report what would change, change nothing": "dit ce qui changerait, sans rien changer",
    "cancel imported attendees missing from this file":
        "annule les personnes importées absentes de ce fichier",
    "with --prune: cancel even when more than half of the event is missing from the file":
        "avec --prune : annule même si plus de la moitié de l'événement manque au fichier",
    "the file's values replace the doors' corrections too (by default a field corrected here or at a door keeps "
    "its correction until the platform's value changes)":
        "les valeurs du fichier remplacent aussi les corrections des postes (par défaut, un champ corrigé ici ou à "
        "un poste garde sa correction tant que la plateforme ne change pas sa valeur)",
    "the workbook sheet to read (default: the one with attendees)":
        "la feuille du classeur à lire (par défaut : celle des participant·es)",
    "record an exit instead of an entry": "enregistre une sortie au lieu d'une entrée",
    "this kiosk's display name (default: settings, $KIOSK_DEVICE or host name); the device id stays the "
    "data dir's":
        "le nom affiché de ce poste (par défaut : les réglages, $KIOSK_DEVICE ou le nom de la machine) ; "
        "l'identifiant du poste reste celui du dossier de données",
    "this kiosk's display name": "le nom affiché de ce poste",
    "who undid it (recorded in the log)": "qui l'a annulé (noté dans le journal)",
    "why (recorded in the log)": "pourquoi (noté dans le journal)",
    "attendee id or ticket code": "identifiant de la personne ou code de billet",
    "who decided": "qui a décidé",
    "check the guest in at once": "enregistre aussitôt son entrée",
    "new value ('' clears it, names excepted)": "nouvelle valeur ('' l'efface, sauf les noms)",
    "make a key pair (private key: organiser only, mode 0600)":
        "crée une paire de clés (clé privée : pour l'organisation seulement, mode 0600)",
    "show the public key(s) this kiosk trusts": "affiche les clés publiques auxquelles ce poste se fie",
    "where to write them (default: <data dir>/keys)":
        "où les écrire (par défaut : <dossier de données>/keys)",
    "replace an existing key pair": "remplace une paire de clés existante",
    ("a new key pair for new tickets; the old public key still verifies the tickets it signed, and doors "
     "that kept it accept the new one at their next sync"):
        ("une nouvelle paire de clés pour les nouveaux billets ; l'ancienne clé publique vérifie toujours les"
         " billets qu'elle a signés, et les postes qui la gardent acceptent la nouvelle à leur prochaine"
         " synchronisation"),
    "folder holding ticket-private.pem": "dossier qui contient ticket-private.pem",
    "one of: a6, 4x3, cr80, ql62, dymo99014, a4-8, letter-6 (default: settings)":
        "l'un de : a6, 4x3, cr80, ql62, dymo99014, a4-8, letter-6 (par défaut : les réglages)",
    "every guest not cancelled": "toutes les personnes non annulées",
    "skip guests whose badge came out": "saute les personnes dont le badge est sorti",
    "folder": "dossier",
    "only these (repeatable)": "seulement celles-ci (répétable)",
    "CUPS/Qt printer name, or folder for --backend pdf":
        "nom de l'imprimante CUPS/Qt, ou dossier pour --backend pdf",
    "seconds to wait for the printer": "secondes d'attente de l'imprimante",
    "Open the staff check-in window.": "Ouvre la fenêtre d'accueil de l'équipe.",
    "staff: the check-in window; self-service: the locked walk-in screen (leaving it needs the staff PIN: "
    "kiosk pin set); occupancy: the organisers' read-only screen":
        "staff : la fenêtre d'accueil ; self-service : l'écran verrouillé d'inscription sur place (le quitter "
        "demande le PIN de l'équipe : kiosk pin set) ; occupancy : l'écran d'affluence de l'organisation, "
        "en lecture seule",
    "occupancy mode: fill display N (0 is the first; default: the first)":
        "mode occupancy : plein écran sur l'écran N (0 est le premier ; par défaut : le premier)",
    "camera for this run: device number, video file or stream URL (default: settings)":
        "caméra pour cette fois : numéro de périphérique, fichier vidéo ou URL de flux (par défaut : les réglages)",
    "no camera: handheld scanner and typing only": "sans caméra : douchette et saisie seulement",
    "replay a video file camera in a loop (demos)": "rejoue en boucle une caméra fichier vidéo (démos)",
    "this kiosk's name for this run": "le nom de ce poste pour cette fois",
    "window language (default: settings)": "langue de la fenêtre (par défaut : les réglages)",
    "window size, e.g. 1366x768 (default: maximized on the screen)":
        "taille de la fenêtre, par ex. 1366x768 (par défaut : agrandie sur l'écran)",
    "save the window to PNG, then quit": "enregistre la fenêtre en PNG, puis quitte",
    "quit after MS milliseconds": "quitte après MS millisecondes",
    "write a printable A4 list": "écrit une liste A4 à imprimer",
    "language of the PDF (default: settings)": "langue du PDF (par défaut : les réglages)",
    "write the A4 report": "écrit le bilan en A4",
    "report language (default: fr)": "langue du bilan (par défaut : fr)",
    "who closed the evening (kept in the log)": "qui a clos la soirée (gardé dans le journal)",
    "set the staff PIN (from --pin, or read from stdin)":
        "définit le PIN de l'équipe (depuis --pin, ou lu sur l'entrée standard)",
    "the new PIN, 4 to 12 digits (default: read a line from stdin)":
        "le nouveau PIN, 4 à 12 chiffres (par défaut : une ligne lue sur l'entrée standard)",
    "create or upgrade the hub's schema (safe to run again)":
        "crée ou met à jour le schéma du hub (sans risque à relancer)",
    "kiosks seen, last contact, what each had queued, clock offset":
        "postes vus, dernier contact, ce que chacun avait en attente, décalage d'horloge",
    "libpq connection string (password: ~/.pgpass or PGPASSWORD)":
        "chaîne de connexion libpq (mot de passe : ~/.pgpass ou PGPASSWORD)",
    "libpq connection string": "chaîne de connexion libpq",
    "libpq connection string (default: $KIOSK_HUB, then the last one used)":
        "chaîne de connexion libpq (par défaut : $KIOSK_HUB, puis la dernière utilisée)",
    "keep syncing: at once when this kiosk stores something or another kiosk pushes (LISTEN/NOTIFY), "
    "else every 5 s; with auto-print on, also prints the badges a paused printer held":
        "synchronise sans arrêt : aussitôt que ce poste enregistre quelque chose ou qu'un autre poste envoie "
        "(LISTEN/NOTIFY), sinon toutes les 5 s ; avec l'impression automatique, imprime aussi les badges "
        "retenus par une imprimante en pause",
    "print this kiosk's badges still waiting (held while the printer was away)":
        "imprime les badges de ce poste encore en attente (retenus pendant l'absence de l'imprimante)",
    "with --resume: keep running and print each badge as soon as the printer can":
        "avec --resume : reste actif et imprime chaque badge dès que l'imprimante le peut",
    "event id (needed when the hub holds several)":
        "identifiant de l'événement (nécessaire quand le hub en contient plusieurs)",
    "the organiser's ticket key fingerprint ('kiosk keys show' on the organiser's machine)":
        "l'empreinte de la clé des billets de l'organisation (« kiosk keys show » sur sa machine)",
    "walk-ins registered for one person at two kiosks, to merge or dismiss":
        "inscriptions sur place d'une même personne à deux postes, à fusionner ou à écarter",
    "the record kept (id or ticket code)": "la fiche gardée (identifiant ou code de billet)",
    "the record merged into it (id or ticket code)": "la fiche fusionnée dans celle-ci (identifiant ou code de billet)",
    "erase guests' personal data once the event's retention has passed":
        "efface les données personnelles des invité·es une fois la durée de conservation écoulée",
    "erase the active event now, whatever its retention period":
        "efface l'événement actif tout de suite, quelle que soit sa durée de conservation",
    "erase this door's copy of the event (guests, scans, files, keys, PIN) and return to the demo":
        "efface la copie de l'événement sur ce poste (invité·es, passages, fichiers, clés, PIN) et revient à la démo",
    "leave even though scans have not reached the hub (they are lost)":
        "part même si des passages ne sont pas arrivés au hub (ils sont perdus)",
    "say what would be erased and kept, erase nothing": "dit ce qui serait effacé et gardé, sans rien effacer",
    "how long guests' data is kept after the event: 90d, 12w, 3m (default 3m)":
        "durée de conservation des données des invité·es après l'événement : 90d, 12w, 3m (par défaut 3m)",
    "create a hub login of its own for a new door and print its pairing code":
        "crée un accès au hub propre à un nouveau poste et affiche son code d'appairage",
    "the door's name, e.g. \"Accueil 2\"": "le nom du poste, par exemple « Accueil 2 »",
    "the hub's libpq connection string with its administrator login (default: $KIOSK_HUB)":
        "l'adresse libpq du hub avec son accès administrateur (par défaut : $KIOSK_HUB)",
    "the hub's address as the doors reach it (default: the one in --hub)":
        "l'adresse du hub telle que les postes la joignent (par défaut : celle de --hub)",
    "also write the pairing QR code to this PNG file": "écrit aussi le QR code d'appairage dans ce fichier PNG",
    "the doors paired on the hub, their state and last contact":
        "les postes appairés sur le hub, leur état et leur dernier contact",
    "the hub's libpq connection string (default: $KIOSK_HUB)": "l'adresse libpq du hub (par défaut : $KIOSK_HUB)",
    "disable a door's hub login (a laptop lost or gone home)":
        "désactive l'accès au hub d'un poste (ordinateur perdu ou reparti)",
    "the pairing code the organiser's 'kiosk hub add-door' printed (- reads it from stdin)":
        "le code d'appairage affiché par « kiosk hub add-door » chez l'organisation (- le lit sur l'entrée standard)",
    "calls for help from walk-in screens not answered yet":
        "les appels à l'aide des écrans libre-service encore sans réponse",
    "record that someone went (the call's id, or its start)":
        "enregistre que quelqu'un y est allé (l'identifiant de l'appel, ou son début)",
    "who went (with --answer)": "qui y est allé (avec --answer)",
    "is this kiosk ready for the evening? (exit 0 when nothing is red)":
        "ce poste est-il prêt pour la soirée ? (code de sortie 0 quand rien n'est rouge)",

}

# argparse's own words (its gettext msgids, Python 3.11-3.13), for kiosk.cli.main's French parser.
ARGPARSE_FR: dict[str, str] = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments positionnels",
    "options": "options",
    "show this help message and exit": "affiche cette aide et quitte",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (parmi %(choices)s)",
    "expected one argument": "une valeur attendue",
    "expected at most one argument": "au plus une valeur attendue",
    "expected at least one argument": "au moins une valeur attendue",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "invalid %(type)s value: %(value)r": "valeur %(type)s invalide : %(value)r",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut être %(matches)s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ignored explicit argument %r": "argument explicite ignoré : %r",
}
