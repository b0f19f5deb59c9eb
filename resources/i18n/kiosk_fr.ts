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
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="54" />
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="54" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="54" />
        <source>Kiosk</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="54" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="57" />
        <source>undo</source>
        <translation>annulation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="67" />
        <source>Reprint badge</source>
        <translation>Réimprimer le badge</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="72" />
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
        <location filename="../../kiosk/ui/models/attendees.py" line="59" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="59" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="59" />
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="60" />
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="60" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="61" />
        <source>Arrived at</source>
        <translation>Arrivé·e à</translation>
    </message>
</context>
<context>
    <name>AttendeesPage</name>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="44" />
        <source>Name, organisation, e-mail or ticket code…</source>
        <translation>Nom, organisation, e-mail ou code du billet…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="78" />
        <source>Check in…</source>
        <translation>Enregistrer l'entrée…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="81" />
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="112" />
        <source>First %1 guests by last name: type to search.</source>
        <translation>Les %1 premiers invités par nom : tapez pour chercher.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="115" />
        <source>%n guest(s) registered. Type a name to search.</source>
        <translation>
            <numerusform>%n invité inscrit. Tapez un nom pour chercher.</numerusform>
            <numerusform>%n invités inscrits. Tapez un nom pour chercher.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="117" />
        <source>No guest found.</source>
        <translation>Aucune personne trouvée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="119" />
        <source>%n guest(s) found</source>
        <translation>
            <numerusform>%n personne trouvée</numerusform>
            <numerusform>%n personnes trouvées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="137" />
        <source>Check in %1?</source>
        <translation>Enregistrer l'entrée de %1 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="141" />
        <source>Check in</source>
        <translation>Enregistrer l'entrée</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="29" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="31" />
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="32" />
        <source>No camera found: use the handheld scanner</source>
        <translation>Aucune caméra trouvée : utilisez la douchette</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="34" />
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="34" />
        <source>Starting camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="36" />
        <source>lost — reconnecting</source>
        <translation>perdue — reconnexion</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="37" />
        <source>Camera lost — reconnecting…</source>
        <translation>Caméra perdue — reconnexion…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="39" />
        <source>video ended</source>
        <translation>vidéo terminée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="39" />
        <source>Video ended</source>
        <translation>Vidéo terminée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="41" />
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="41" />
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
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="64" />
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="65" />
        <source>Exit</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="72" />
        <source>F2 switches</source>
        <translation>F2 pour basculer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="94" />
        <source>Undo selected scan…</source>
        <translation>Annuler le passage choisi…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="96" />
        <source>Ctrl+Z undoes the latest entry or exit</source>
        <translation>Ctrl+Z annule la dernière entrée ou sortie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="99" />
        <source>Last scans at this kiosk</source>
        <translation>Derniers passages à ce poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="107" />
        <source>Type a ticket code and press Enter</source>
        <translation>Tapez un code de billet puis Entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="109" />
        <source>Check code</source>
        <translation>Vérifier le code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="172" />
        <source>EXIT mode — scans record guests leaving</source>
        <translation>Mode SORTIE — les scans enregistrent les départs</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="173" />
        <source>ENTRY mode — scans let guests in</source>
        <translation>Mode ENTRÉE — les scans font entrer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="244" />
        <source>Undo the exit of %1 at %2?</source>
        <translation>Annuler la sortie de %1 à %2 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="246" />
        <source>Undo the staff-approved entry of %1 at %2?</source>
        <translation>Annuler l'entrée autorisée de %1 à %2 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="248" />
        <source>Undo the entry of %1 at %2?</source>
        <translation>Annuler l'entrée de %1 à %2 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="250" />
        <source>Undo scan</source>
        <translation>Annuler un passage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="250" />
        <source>Undo the scan</source>
        <translation>Annuler le passage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="250" />
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="259" />
        <source>Undo this scan…</source>
        <translation>Annuler ce passage…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="101" />
        <source>Kiosk</source>
        <translation>Poste</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="89" />
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="90" />
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="91" />
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="92" />
        <location filename="../../kiosk/ui/widgets/header.py" line="94" />
        <source>not configured</source>
        <translation>non configurée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="93" />
        <source>not started</source>
        <translation>non démarrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="116" />
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="118" />
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/widgets/header.py" line="120" />
        <source>%n badge(s) failed</source>
        <translation>
            <numerusform>%n badge en échec</numerusform>
            <numerusform>%n badges en échec</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="122" />
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="126" />
        <source>Kiosk: %1</source>
        <translation>Poste : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="129" />
        <source>Arrived %1 / %2</source>
        <translation>Arrivé·es %1 / %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="130" />
        <source>Inside now %1</source>
        <translation>Sur place %1</translation>
    </message>
</context>
<context>
    <name>LongWork</name>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="58" />
        <source>Added: %1</source>
        <translation>Ajoutés : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="59" />
        <source>Updated: %1</source>
        <translation>Mis à jour : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="60" />
        <source>Unchanged: %1</source>
        <translation>Inchangés : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="61" />
        <source>Cancelled: %1</source>
        <translation>Annulés : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="62" />
        <source>Skipped: %1</source>
        <translation>Ignorés : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="64" />
        <source>line %1: %2</source>
        <translation>ligne %1 : %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="68" />
        <source>…and %n more</source>
        <translation>… et %n de plus</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="80" />
        <source>unexpected error (%1)</source>
        <translation>erreur inattendue (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="109" />
        <location filename="../../kiosk/ui/long_work.py" line="115" />
        <source>Import registrations</source>
        <translation>Importer les inscriptions</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="115" />
        <source>Importing %1…</source>
        <translation>Import de %1…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="117" />
        <source>Import of %1 stopped, nothing was changed: %2</source>
        <translation>Import de %1 arrêté, rien n’a été modifié : %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="126" />
        <location filename="../../kiosk/ui/long_work.py" line="133" />
        <location filename="../../kiosk/ui/long_work.py" line="176" />
        <source>Badges PDF for everyone</source>
        <translation>PDF des badges de tous les invités</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="133" />
        <source>Drawing the badges…</source>
        <translation>Dessin des badges…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="135" />
        <source>Could not write the badges PDF: %1</source>
        <translation>Impossible d’écrire le PDF des badges : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/long_work.py" line="171" />
        <source>Imported %1</source>
        <translation>%1 importé</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/long_work.py" line="174" />
        <source>%n badge(s) on %1 page(s): %2</source>
        <translation>
            <numerusform>%n badge sur %1 page(s) : %2</numerusform>
            <numerusform>%n badges sur %1 page(s) : %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="76" />
        <source>Kiosk — %1</source>
        <translation>Kiosk — %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="94" />
        <source>Check-in</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="94" />
        <source>Attendees</source>
        <translation>Participant·es</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="95" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="139" />
        <source>&amp;Kiosk</source>
        <translation>&amp;Kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="140" />
        <source>Import registrations…</source>
        <translation>Importer les inscriptions…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="142" />
        <source>Badges PDF for everyone…</source>
        <translation>PDF des badges de tous les invités…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="145" />
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="148" />
        <source>&amp;Screens</source>
        <translation>É&amp;crans</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="154" />
        <location filename="../../kiosk/ui/main_window.py" line="155" />
        <source>Coming in a later version</source>
        <translation>Disponible dans une prochaine version</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="222" />
        <location filename="../../kiosk/ui/main_window.py" line="256" />
        <source>not configured</source>
        <translation>non configurée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="225" />
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="257" />
        <source>No camera: use the handheld scanner</source>
        <translation>Pas de caméra : utilisez la douchette</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="266" />
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="271" />
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="272" />
        <source>Camera unavailable: %1</source>
        <translation>Caméra indisponible : %1</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="35" />
        <source>Let in anyway</source>
        <translation>Laisser entrer quand même</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="37" />
        <source>Let %1 in anyway? This is recorded with your name and reason.</source>
        <translation>Laisser entrer %1 quand même ? Votre nom et la raison sont enregistrés.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="41" />
        <source>e.g. lost phone, checked ID</source>
        <translation>ex. : téléphone perdu, pièce d'identité vérifiée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="45" />
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="46" />
        <source>Staff</source>
        <translation>Membre de l'équipe</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="49" />
        <source>Let in</source>
        <translation>Laisser entrer</translation>
    </message>
</context>
<context>
    <name>PrinterBanner</name>
    <message>
        <location filename="../../kiosk/ui/widgets/printer_banner.py" line="42" />
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/printer_banner.py" line="44" />
        <source>Send the failed badges to the printer again</source>
        <translation>Renvoyer les badges en échec à l’imprimante</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/printer_banner.py" line="68" />
        <source>Printer unavailable — badges will wait until it is back</source>
        <translation>Imprimante indisponible — les badges attendront son retour</translation>
    </message>
</context>
<context>
    <name>PrinterController</name>
    <message>
        <location filename="../../kiosk/ui/presenters/printing.py" line="90" />
        <source>Printing is not set up: check the printer settings.</source>
        <translation>L’impression n’est pas configurée : vérifiez les réglages de l’imprimante.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/presenters/printing.py" line="93" />
        <source>No guest to print a test badge for: import registrations first.</source>
        <translation>Aucun invité pour un badge de test : importez d’abord les inscriptions.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/presenters/printing.py" line="99" />
        <source>the default printer</source>
        <translation>l’imprimante par défaut</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/presenters/printing.py" line="101" />
        <source>Test badge for %1 queued: the PDF goes to the folder %2</source>
        <translation>Badge de test de %1 en file : le PDF arrive dans le dossier %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/presenters/printing.py" line="103" />
        <source>Test badge for %1 sent to %2</source>
        <translation>Badge de test de %1 envoyé à %2</translation>
    </message>
</context>
<context>
    <name>PrintingSection</name>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="38" />
        <source>Badge printing</source>
        <translation>Impression des badges</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="43" />
        <source>PDF files in a folder</source>
        <translation>Fichiers PDF dans un dossier</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="44" />
        <source>CUPS printer</source>
        <translation>Imprimante CUPS</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="45" />
        <source>System printer (Qt)</source>
        <translation>Imprimante du système (Qt)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="50" />
        <source>Find printers</source>
        <translation>Chercher les imprimantes</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="63" />
        <source>Print a badge automatically at each entry</source>
        <translation>Imprimer un badge automatiquement à chaque entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="65" />
        <source>Print a test badge</source>
        <translation>Imprimer un badge de test</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="67" />
        <source>Saves these settings, then prints the first guest's badge</source>
        <translation>Enregistre ces réglages, puis imprime le badge du premier invité</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="84" />
        <source>Send badges to</source>
        <translation>Envoyer les badges vers</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="85" />
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="86" />
        <source>Badge format</source>
        <translation>Format de badge</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="88" />
        <source>Now printing to</source>
        <translation>Impression actuelle vers</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="118" />
        <source>(default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="124" />
        <source>%n printer(s) found</source>
        <translation>
            <numerusform>%n imprimante trouvée</numerusform>
            <numerusform>%n imprimantes trouvées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="125" />
        <source>No printer found on this computer.</source>
        <translation>Aucune imprimante trouvée sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="128" />
        <source>printing is not set up</source>
        <translation>impression non configurée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="138" />
        <source>Folder; empty: %1</source>
        <translation>Dossier ; vide : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="140" />
        <source>Empty: the system's default printer</source>
        <translation>Vide : l’imprimante par défaut du système</translation>
    </message>
</context>
<context>
    <name>RecentScansModel</name>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="43" />
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="43" />
        <source>Guest</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="44" />
        <source>Verdict</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="61" />
        <source>exit (undone)</source>
        <translation>sortie (annulée)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="62" />
        <source>%1 (undone)</source>
        <translation>%1 (annulé)</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <location filename="../../kiosk/ui/seams.py" line="101" />
        <source>Occupancy screen</source>
        <translation>Écran d'occupation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/seams.py" line="102" />
        <source>Self-service mode</source>
        <translation>Mode libre-service</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="71" />
        <source>No camera: handheld scanner and typing only</source>
        <translation>Pas de caméra : douchette et saisie seulement</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="72" />
        <source>A camera number, a video file path or a stream URL</source>
        <translation>Un numéro de caméra, le chemin d'un fichier vidéo ou l'URL d'un flux</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="73" />
        <source>Find cameras</source>
        <translation>Chercher les caméras</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="83" />
        <source>Play a sound for each verdict</source>
        <translation>Jouer un son à chaque résultat</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="97" />
        <source>This kiosk</source>
        <translation>Ce poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="100" />
        <source>Kiosk name</source>
        <translation>Nom du poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="101" />
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="102" />
        <source>QR decoder</source>
        <translation>Décodeur QR</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="103" />
        <source>Sounds</source>
        <translation>Sons</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="104" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="105" />
        <source>Back to “ready” after</source>
        <translation>Retour à « prêt » après</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="107" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="115" />
        <source>The language applies at the next start; the other settings apply when saved.</source>
        <translation>La langue s'applique au prochain démarrage ; les autres réglages dès l'enregistrement.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="168" />
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>StatusLight</name>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="65" />
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
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="128" />
        <source>EXIT — ready to scan</source>
        <translation>SORTIE — prêt à scanner</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="129" />
        <source>Scan guests who are leaving</source>
        <translation>Scannez les départs</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="131" />
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="134" />
        <source>Ready to scan</source>
        <translation>Prêt à scanner</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="132" />
        <source>Show your QR code to the camera</source>
        <translation>Présentez votre QR code à la caméra</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="135" />
        <source>Scan your QR code with the scanner</source>
        <translation>Scannez votre QR code avec la douchette</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="136" />
        <source>Or use the handheld scanner, or type the code below.</source>
        <translation>Ou utilisez la douchette, ou tapez le code ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="137" />
        <source>Or type the code below, or search the guest by name (Ctrl+F).</source>
        <translation>Ou tapez le code ci-dessous, ou cherchez la personne par son nom (Ctrl+F).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="147" />
        <source>Let in by staff</source>
        <translation>Entrée autorisée par l'équipe</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="152" />
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="176" />
        <source>Code: %1</source>
        <translation>Code : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="168" />
        <source>the database is busy (an import is running?)</source>
        <translation>la base est occupée (un import en cours ?)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="169" />
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="170" />
        <source>the database cannot be written (read-only)</source>
        <translation>la base ne peut pas être écrite (lecture seule)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="171" />
        <source>the database file is damaged</source>
        <translation>le fichier de la base est endommagé</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="172" />
        <source>the database cannot be written</source>
        <translation>la base ne peut pas être écrite</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="174" />
        <source>Not recorded — %1</source>
        <translation>Non enregistré — %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="175" />
        <source>Scan again</source>
        <translation>Scannez à nouveau</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="177" />
        <source>Nothing was written for this guest. If it happens again, call the organiser (details in kiosk.log).</source>
        <translation>Rien n’a été enregistré pour cette personne. Si cela se répète, appelez l’organisation (détails dans kiosk.log).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="186" />
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="187" />
        <source>Exit recorded</source>
        <translation>Sortie enregistrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="188" />
        <source>Already checked in</source>
        <translation>Déjà entré·e</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="189" />
        <source>Not inside</source>
        <translation>Pas sur place</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="190" />
        <source>Unknown ticket</source>
        <translation>Billet inconnu</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="191" />
        <source>Cancelled ticket</source>
        <translation>Billet annulé</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="192" />
        <source>Unreadable or forged code</source>
        <translation>Code illisible ou falsifié</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="193" />
        <source>Ticket for another event</source>
        <translation>Billet d'un autre événement</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="199" />
        <source>Entry recorded with your reason.</source>
        <translation>Entrée enregistrée avec votre raison.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="201" />
        <source>First entry at %1 at kiosk “%2”.</source>
        <translation>Première entrée à %1 au poste « %2 ».</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="204" />
        <source>No entry recorded for this guest: nothing to record.</source>
        <translation>Aucune entrée enregistrée pour cette personne : rien à enregistrer.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="205" />
        <source>No guest with this code. Search the guest by name.</source>
        <translation>Aucune personne avec ce code. Cherchez-la par son nom.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="206" />
        <source>This registration was cancelled. Send the guest to the welcome desk.</source>
        <translation>Cette inscription a été annulée. Orientez la personne vers l'accueil.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="207" />
        <source>Ask for another ticket, or search the guest by name.</source>
        <translation>Demandez un autre billet, ou cherchez la personne par son nom.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="208" />
        <source>Ask for the right ticket, or search the guest by name.</source>
        <translation>Demandez le bon billet, ou cherchez la personne par son nom.</translation>
    </message>
</context>
<context>
    <name>ArrivalsChart</name>
    <message>
        <source>No arrivals yet</source>
        <translation>Pas encore d'arrivées</translation>
    </message>
    <message>
        <source>Arrivals per 5 min</source>
        <translation>Arrivées par 5 min</translation>
    </message>
    <message>
        <source>Departures</source>
        <translation>Départs</translation>
    </message>
</context>
<context>
    <name>GroupRow</name>
    <message>
        <source>%1 / %2 arrived</source>
        <translation>%1 / %2 arrivés</translation>
    </message>
    <message>
        <source>%1 places</source>
        <translation>%1 places</translation>
    </message>
</context>
<context>
    <name>OccupancyScreen</name>
    <message>
        <source>Occupancy</source>
        <translation>Fréquentation</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>Présents</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>Ateliers</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>Evacuation list (staff)…</source>
        <translation>Liste d'évacuation (équipe)…</translation>
    </message>
    <message>
        <source>Check everyone out (staff)…</source>
        <translation>Sortie de tout le monde (équipe)…</translation>
    </message>
    <message>
        <source>Nearly full</source>
        <translation>Presque plein</translation>
    </message>
    <message>
        <source>Full: hold the door</source>
        <translation>Complet : on retient l'entrée</translation>
    </message>
    <message>
        <source>Arrived %1 / %2 registered · %3</source>
        <translation>Arrivés %1 / %2 inscrits · %3</translation>
    </message>
    <message>
        <source>Walk-ins %1 · Not yet arrived %2</source>
        <translation>Inscrits sur place %1 · Pas encore arrivés %2</translation>
    </message>
    <message>
        <source>%1: last scan %2</source>
        <translation>%1 : dernier scan %2</translation>
    </message>
    <message>
        <source>No scan yet on this kiosk</source>
        <translation>Aucun scan sur ce poste pour l'instant</translation>
    </message>
</context>
<context>
    <name>StaffActions</name>
    <message>
        <source>Staff PIN</source>
        <translation>Code équipe</translation>
    </message>
    <message>
        <source>Staff PIN:</source>
        <translation>Code équipe :</translation>
    </message>
    <message>
        <source>No staff PIN is set. Set one with: kiosk pin set</source>
        <translation>Aucun code équipe n'est défini. Définissez-le avec : kiosk pin set</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Code incorrect.</translation>
    </message>
    <message>
        <source>Evacuation list</source>
        <translation>Liste d'évacuation</translation>
    </message>
    <message>
        <source>%1 people inside. List written to %2</source>
        <translation>%1 personnes présentes. Liste enregistrée dans %2</translation>
    </message>
    <message>
        <source>Record an exit for the %1 people still inside?</source>
        <translation>Enregistrer la sortie des %1 personnes encore présentes ?</translation>
    </message>
    <message>
        <source>Check everyone out</source>
        <translation>Sortie de tout le monde</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>staff (occupancy screen)</source>
        <translation>équipe (écran de fréquentation)</translation>
    </message>
</context>
</TS>