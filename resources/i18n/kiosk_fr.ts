<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AttendeeDetailDialog</name>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="35" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="36" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="37" />
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="38" />
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="39" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="40" />
        <source>Ticket code</source>
        <translation>Code du billet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="41" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="42" />
        <source>First entry</source>
        <translation>Première entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="53" />
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="53" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="53" />
        <source>Kiosk</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="53" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="56" />
        <source>undo</source>
        <translation>annulation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="66" />
        <source>Reprint badge</source>
        <translation>Réimprimer le badge</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="71" />
        <source>Scan history</source>
        <translation>Historique des passages</translation>
    </message>
</context>
<context>
    <name>AttendeeModel</name>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="28" />
        <source>cancelled</source>
        <translation>annulé·e</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="30" />
        <source>inside</source>
        <translation>sur place</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="32" />
        <source>left</source>
        <translation>sorti·e</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="33" />
        <source>expected</source>
        <translation>attendu·e</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="61" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="61" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="61" />
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="62" />
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="62" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="63" />
        <source>Arrived at</source>
        <translation>Arrivé·e à</translation>
    </message>
</context>
<context>
    <name>AttendeesPage</name>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="42" />
        <source>Name, organisation, e-mail or ticket code…</source>
        <translation>Nom, organisation, e-mail ou code du billet…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="75" />
        <source>Check in…</source>
        <translation>Enregistrer l'entrée…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="78" />
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="106" />
        <source>Type a name to find a guest.</source>
        <translation>Tapez un nom pour trouver une personne.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="108" />
        <source>No guest found.</source>
        <translation>Aucune personne trouvée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="110" />
        <source>%n guest(s) found</source>
        <translation>
            <numerusform>%n personne trouvée</numerusform><numerusform>%n personnes trouvées</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="128" />
        <source>Check in %1?</source>
        <translation>Enregistrer l'entrée de %1 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="132" />
        <source>Check in</source>
        <translation>Enregistrer l'entrée</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="21" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="23" />
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="23" />
        <source>Starting camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="25" />
        <source>lost — reconnecting</source>
        <translation>perdue — reconnexion</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="26" />
        <source>Camera lost — reconnecting…</source>
        <translation>Caméra perdue — reconnexion…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="28" />
        <source>video ended</source>
        <translation>vidéo terminée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="28" />
        <source>Video ended</source>
        <translation>Vidéo terminée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="30" />
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="30" />
        <source>Camera stopped</source>
        <translation>Caméra arrêtée</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../kiosk/ui/widgets/camera_view.py" line="23" />
        <source>Starting camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="60" />
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="61" />
        <source>Exit</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="68" />
        <source>F2 switches</source>
        <translation>F2 pour basculer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="90" />
        <source>Undo selected scan…</source>
        <translation>Annuler le passage choisi…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="92" />
        <source>Ctrl+Z undoes the latest entry or exit</source>
        <translation>Ctrl+Z annule la dernière entrée ou sortie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="95" />
        <source>Last scans at this kiosk</source>
        <translation>Derniers passages à ce poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="103" />
        <source>Type a ticket code and press Enter</source>
        <translation>Tapez un code de billet puis Entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="105" />
        <source>Check code</source>
        <translation>Vérifier le code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="160" />
        <source>EXIT mode — scans record guests leaving</source>
        <translation>Mode SORTIE — les scans enregistrent les départs</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="161" />
        <source>ENTRY mode — scans let guests in</source>
        <translation>Mode ENTRÉE — les scans font entrer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="229" />
        <source>Undo the exit of %1 at %2?</source>
        <translation>Annuler la sortie de %1 à %2 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="231" />
        <source>Undo the staff-approved entry of %1 at %2?</source>
        <translation>Annuler l'entrée autorisée de %1 à %2 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="233" />
        <source>Undo the entry of %1 at %2?</source>
        <translation>Annuler l'entrée de %1 à %2 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="235" />
        <source>Undo scan</source>
        <translation>Annuler un passage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="235" />
        <source>Undo</source>
        <translation>Annuler le passage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="244" />
        <source>Undo this scan…</source>
        <translation>Annuler ce passage…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="84" />
        <source>Kiosk</source>
        <translation>Poste</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="86" />
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="87" />
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="88" />
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="89" />
        <location filename="../../kiosk/ui/widgets/header.py" line="91" />
        <source>not configured</source>
        <translation>non configuré</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="90" />
        <source>not started</source>
        <translation>non démarrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="112" />
        <source>Kiosk: %1</source>
        <translation>Poste : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="115" />
        <source>Arrived %1 / %2</source>
        <translation>Arrivé·es %1 / %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="116" />
        <source>Inside now %1</source>
        <translation>Sur place %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="65" />
        <source>Kiosk — %1</source>
        <translation>Kiosk — %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="86" />
        <source>Check-in</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="87" />
        <source>Attendees</source>
        <translation>Participant·es</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="88" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="135" />
        <source>&amp;Kiosk</source>
        <translation>&amp;Kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="136" />
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="139" />
        <source>&amp;Screens</source>
        <translation>É&amp;crans</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="145" />
        <location filename="../../kiosk/ui/main_window.py" line="146" />
        <source>Coming in a later version</source>
        <translation>Disponible dans une prochaine version</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="211" />
        <location filename="../../kiosk/ui/main_window.py" line="220" />
        <source>not configured</source>
        <translation>non configurée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="214" />
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="221" />
        <source>No camera: use the handheld scanner</source>
        <translation>Pas de caméra : utilisez la douchette</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="229" />
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="234" />
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="235" />
        <source>Camera unavailable: %1</source>
        <translation>Caméra indisponible : %1</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="32" />
        <source>Let in anyway</source>
        <translation>Laisser entrer quand même</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="34" />
        <source>Let %1 in anyway? This is recorded with your name and reason.</source>
        <translation>Laisser entrer %1 quand même ? Votre nom et la raison sont enregistrés.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="38" />
        <source>e.g. lost phone, checked ID</source>
        <translation>ex. : téléphone perdu, pièce d'identité vérifiée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="42" />
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="43" />
        <source>Staff</source>
        <translation>Membre de l'équipe</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="46" />
        <source>Let in</source>
        <translation>Laisser entrer</translation>
    </message>
</context>
<context>
    <name>RecentScansModel</name>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="57" />
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="57" />
        <source>Guest</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="58" />
        <source>Verdict</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="72" />
        <source>%1 (undone)</source>
        <translation>%1 (annulé)</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <location filename="../../kiosk/ui/seams.py" line="95" />
        <source>Occupancy screen</source>
        <translation>Écran d'occupation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/seams.py" line="96" />
        <source>Self-service mode</source>
        <translation>Mode libre-service</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="67" />
        <source>No camera: handheld scanner and typing only</source>
        <translation>Pas de caméra : douchette et saisie seulement</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="68" />
        <source>A camera number, a video file path or a stream URL</source>
        <translation>Un numéro de caméra, le chemin d'un fichier vidéo ou l'URL d'un flux</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="69" />
        <source>Find cameras</source>
        <translation>Chercher les caméras</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="79" />
        <source>Play a sound for each verdict</source>
        <translation>Jouer un son à chaque résultat</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="90" />
        <source>Print a badge automatically at each entry</source>
        <translation>Imprimer un badge automatiquement à chaque entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="94" />
        <source>Kiosk name</source>
        <translation>Nom du poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="95" />
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="96" />
        <source>QR decoder</source>
        <translation>Décodeur QR</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="97" />
        <source>Sounds</source>
        <translation>Sons</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="98" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="99" />
        <source>Back to “ready” after</source>
        <translation>Retour à « prêt » après</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="100" />
        <source>Badges</source>
        <translation>Badges</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="102" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="110" />
        <source>The language applies at the next start; the other settings apply when saved.</source>
        <translation>La langue s'applique au prochain démarrage ; les autres réglages dès l'enregistrement.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="159" />
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>StatusLight</name>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="62" />
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="22" />
        <source>let in by staff</source>
        <translation>entrée autorisée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="24" />
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="25" />
        <source>already checked in</source>
        <translation>déjà entré·e</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="26" />
        <source>unknown ticket</source>
        <translation>billet inconnu</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="27" />
        <source>cancelled ticket</source>
        <translation>billet annulé</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="28" />
        <source>invalid code</source>
        <translation>code invalide</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="29" />
        <source>other event</source>
        <translation>autre événement</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="30" />
        <source>exit</source>
        <translation>sortie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="31" />
        <source>not inside</source>
        <translation>pas sur place</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="57" />
        <source>Let in anyway</source>
        <translation>Laisser entrer quand même</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="58" />
        <source>Search by name</source>
        <translation>Chercher par nom</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="59" />
        <source>Print badge</source>
        <translation>Imprimer le badge</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="102" />
        <source>EXIT — ready to scan</source>
        <translation>SORTIE — prêt à scanner</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="103" />
        <source>Scan guests who are leaving</source>
        <translation>Scannez les départs</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="105" />
        <source>Ready to scan</source>
        <translation>Prêt à scanner</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="106" />
        <source>Show your QR code to the camera</source>
        <translation>Présentez votre QR code à la caméra</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="107" />
        <source>Or use the handheld scanner, or type the code below.</source>
        <translation>Ou utilisez la douchette, ou tapez le code ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="115" />
        <source>Let in by staff</source>
        <translation>Entrée autorisée par l'équipe</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="120" />
        <source>Code: %1</source>
        <translation>Code : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="131" />
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="132" />
        <source>Exit recorded</source>
        <translation>Sortie enregistrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="133" />
        <source>Already checked in</source>
        <translation>Déjà entré·e</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="134" />
        <source>Not inside</source>
        <translation>Pas sur place</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="135" />
        <source>Unknown ticket</source>
        <translation>Billet inconnu</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="136" />
        <source>Cancelled ticket</source>
        <translation>Billet annulé</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="137" />
        <source>Unreadable or forged code</source>
        <translation>Code illisible ou falsifié</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="138" />
        <source>Ticket for another event</source>
        <translation>Billet d'un autre événement</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="144" />
        <source>Entry recorded with your reason.</source>
        <translation>Entrée enregistrée avec votre raison.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="146" />
        <source>First entry at %1 at kiosk “%2”.</source>
        <translation>Première entrée à %1 au poste « %2 ».</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="149" />
        <source>No entry recorded for this guest: nothing to record.</source>
        <translation>Aucune entrée enregistrée pour cette personne : rien à enregistrer.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="150" />
        <source>No guest with this code. Search the guest by name.</source>
        <translation>Aucune personne avec ce code. Cherchez-la par son nom.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="151" />
        <source>This registration was cancelled. Send the guest to the welcome desk.</source>
        <translation>Cette inscription a été annulée. Orientez la personne vers l'accueil.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="152" />
        <source>Ask for another ticket, or search the guest by name.</source>
        <translation>Demandez un autre billet, ou cherchez la personne par son nom.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="153" />
        <source>Ask for the right ticket, or search the guest by name.</source>
        <translation>Demandez le bon billet, ou cherchez la personne par son nom.</translation>
    </message>
</context>
</TS>