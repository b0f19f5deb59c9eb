<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddDoorDialog</name>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="134"/>
        <source>Add a door</source>
        <translation>Ajouter un poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="136"/>
        <source>Door 2</source>
        <translation>Accueil 2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="138"/>
        <source>as the doors reach the hub (leave empty: the same as here)</source>
        <translation>telle que les postes joignent le hub (vide : la même qu&apos;ici)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="140"/>
        <source>Door name</source>
        <translation>Nom du poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="141"/>
        <source>Hub address for the doors</source>
        <translation>Adresse du hub pour les postes</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="142"/>
        <source>The door gets a hub login of its own, which can be revoked if the laptop is lost.</source>
        <translation>Le poste reçoit son propre accès au hub, révocable si l&apos;ordinateur est perdu.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="152"/>
        <source>Copy the code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="155"/>
        <source>Create the door&apos;s login</source>
        <translation>Créer l&apos;accès du poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="180"/>
        <source>Creating the door&apos;s login…</source>
        <translation>Création de l&apos;accès du poste…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="205"/>
        <source>On the door&apos;s laptop: Kiosk → Join an evening, then read this QR code with the handheld scanner, or paste the code. Show it to that door only: it holds the door&apos;s password.</source>
        <translation>Sur l&apos;ordinateur du poste : Kiosk → Rejoindre une soirée, puis lisez ce QR code avec la douchette, ou collez le code. Ne le montrez qu&apos;à ce poste : il contient son mot de passe.</translation>
    </message>
</context>
<context>
    <name>ArrivalsChart</name>
    <message>
        <location filename="../../kiosk/ui/occupancy/chart.py" line="44"/>
        <source>No arrivals yet</source>
        <translation>Pas encore d&apos;arrivées</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/chart.py" line="77"/>
        <source>Arrivals per 5 min</source>
        <translation>Arrivées par 5 min</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/chart.py" line="78"/>
        <source>Departures</source>
        <translation>Départs</translation>
    </message>
</context>
<context>
    <name>AttendeeDetailDialog</name>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="30"/>
        <source>not printed</source>
        <translation>pas imprimé</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="32"/>
        <source>printed (%1, %2)</source>
        <translation>imprimé (%1, %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="34"/>
        <source>· %n time(s) in all</source>
        <translation>
            <numerusform>· %n fois en tout</numerusform>
            <numerusform>· %n fois en tout</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="45"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="46"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="47"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="48"/>
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="49"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="50"/>
        <source>Ticket code</source>
        <translation>Code du billet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="51"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="52"/>
        <source>First entry</source>
        <translation>Première entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="54"/>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="65"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="65"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="65"/>
        <source>Kiosk</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="65"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="68"/>
        <source>undo</source>
        <translation>annulation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="78"/>
        <source>Reprint badge</source>
        <translation>Réimprimer le badge</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendee_detail.py" line="83"/>
        <source>Scan history</source>
        <translation>Historique des passages</translation>
    </message>
</context>
<context>
    <name>AttendeeModel</name>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="29"/>
        <source>cancelled</source>
        <translation>annulé·e</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="31"/>
        <source>inside</source>
        <translation>sur place</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="33"/>
        <source>left</source>
        <translation>sorti·e</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="34"/>
        <source>expected</source>
        <translation>attendu·e</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="57"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="58"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="59"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="60"/>
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="61"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/attendees.py" line="62"/>
        <source>Arrived at</source>
        <translation>Arrivé·e à</translation>
    </message>
</context>
<context>
    <name>AttendeesPage</name>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="54"/>
        <source>Name, organisation, e-mail or ticket code…</source>
        <translation>Nom, organisation, e-mail ou code du billet…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="92"/>
        <source>Check in…</source>
        <translation>Enregistrer l&apos;entrée…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="95"/>
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="164"/>
        <source>First %1 guests by last name: type to search.</source>
        <translation>Les %1 premiers invités par nom : tapez pour chercher.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="167"/>
        <source>%n guest(s) registered. Type a name to search.</source>
        <translation>
            <numerusform>%n invité inscrit. Tapez un nom pour chercher.</numerusform>
            <numerusform>%n invités inscrits. Tapez un nom pour chercher.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="169"/>
        <source>No guest found.</source>
        <translation>Aucune personne trouvée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="171"/>
        <source>%n guest(s) found</source>
        <translation>
            <numerusform>%n personne trouvée</numerusform>
            <numerusform>%n personnes trouvées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="189"/>
        <source>Check in %1?</source>
        <translation>Enregistrer l&apos;entrée de %1 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/attendees_page.py" line="193"/>
        <source>Check in</source>
        <translation>Enregistrer l&apos;entrée</translation>
    </message>
</context>
<context>
    <name>BulkJobs</name>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="39"/>
        <source>Added: %1</source>
        <translation>Ajoutés : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="40"/>
        <source>Updated: %1</source>
        <translation>Mis à jour : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="41"/>
        <source>Unchanged: %1</source>
        <translation>Inchangés : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="42"/>
        <source>Cancelled: %1</source>
        <translation>Annulés : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="43"/>
        <source>Skipped: %1</source>
        <translation>Ignorés : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="47"/>
        <source>Encoding warnings: %1</source>
        <translation>Avertissements d’encodage : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="59"/>
        <source>Missing from this file, kept as they are: %1</source>
        <translation>Absent·es de ce fichier, gardé·es tel·les quel·les : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="71"/>
        <source>Sheet: “%1”</source>
        <translation>Feuille : « %1 »</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="73"/>
        <source>Ticket code read from the column “%1”</source>
        <translation>Code de billet lu dans la colonne « %1 »</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="75"/>
        <source>%1 on %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="78"/>
        <source>Rows matched by %1</source>
        <translation>Lignes reconnues par %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="84"/>
        <source>line %1: %2</source>
        <translation>ligne %1 : %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="94"/>
        <source>…and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="108"/>
        <source>unexpected error (%1)</source>
        <translation>erreur inattendue (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="139"/>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="144"/>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="151"/>
        <source>Import registrations</source>
        <translation>Importer les inscriptions</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="145"/>
        <source>This kiosk is on the #Plus20 demo event: the guests of %1 would join its fictitious guests, whose codes open the door too. For your own event, create it first (kiosk event create --name &quot;…&quot;, see the organiser&apos;s guide), then import.</source>
        <translation>Ce poste est sur l’événement de démonstration #Plus20 : les invité·es de %1 rejoindraient ses invité·es fictif·ves, dont les codes ouvrent aussi la porte. Pour votre événement, créez-le d’abord (kiosk event create --name « … », voir le guide de l’organisation), puis importez.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="149"/>
        <source>Import into the demo</source>
        <translation>Importer dans la démo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="149"/>
        <source>Do not import</source>
        <translation>Ne pas importer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="151"/>
        <source>Importing %1…</source>
        <translation>Import de %1…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="152"/>
        <source>Import of %1 stopped, nothing was changed: %2</source>
        <translation>Import de %1 arrêté, rien n’a été modifié : %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="165"/>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="170"/>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="250"/>
        <source>Badges PDF for everyone</source>
        <translation>PDF des badges de tous les invités</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="170"/>
        <source>Drawing the badges…</source>
        <translation>Dessin des badges…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="174"/>
        <source>Could not write the badges PDF: %1</source>
        <translation>Impossible d’écrire le PDF des badges : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="213"/>
        <source>Reading %1…</source>
        <translation>Lecture du fichier %1…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="214"/>
        <source>Comparing %1 with the guests already here…</source>
        <translation>Comparaison du fichier %1 avec les invité·es déjà là…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="215"/>
        <source>Saving the guests of %1…</source>
        <translation>Enregistrement des invité·es du fichier %1…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="216"/>
        <source>Indexing the guests of %1 for search…</source>
        <translation>Indexation pour la recherche des invité·es du fichier %1…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="234"/>
        <source>Imported %1</source>
        <translation>%1 importé</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="240"/>
        <source>The file still gives these guests the values of the previous import: the corrections made since then were kept. Keep them, or put the file&apos;s values in their place?</source>
        <translation>Le fichier donne encore à ces invité·es les valeurs de l’import précédent : les corrections faites depuis ont été gardées. Les garder, ou mettre à leur place les valeurs du fichier ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="244"/>
        <source>Use the file&apos;s values</source>
        <translation>Prendre les valeurs du fichier</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bulk_jobs.py" line="244"/>
        <source>Keep the corrections</source>
        <translation>Garder les corrections</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/bulk_jobs.py" line="248"/>
        <source>%n badge(s) on %1 page(s): %2</source>
        <translation>
            <numerusform>%n badge sur %1 page(s) : %2</numerusform>
            <numerusform>%n badges sur %1 page(s) : %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="29"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="31"/>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="32"/>
        <source>No camera found: use the handheld scanner</source>
        <translation>Aucune caméra trouvée : utilisez la douchette</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="34"/>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="35"/>
        <source>Starting camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="37"/>
        <source>lost — reconnecting</source>
        <translation>perdue — reconnexion</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="38"/>
        <source>Camera lost — reconnecting…</source>
        <translation>Caméra perdue — reconnexion…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="40"/>
        <source>video ended</source>
        <translation>vidéo terminée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="41"/>
        <source>Video ended</source>
        <translation>Vidéo terminée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="43"/>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/camera_status.py" line="44"/>
        <source>Camera stopped</source>
        <translation>Caméra arrêtée</translation>
    </message>
</context>
<context>
    <name>CameraControl</name>
    <message>
        <location filename="../../kiosk/ui/controllers/camera.py" line="43"/>
        <source>not configured</source>
        <translation>non configurée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/camera.py" line="44"/>
        <source>No camera: use the handheld scanner</source>
        <translation>Pas de caméra : utilisez la douchette</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/camera.py" line="52"/>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/camera.py" line="57"/>
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/camera.py" line="58"/>
        <source>Camera unavailable: %1</source>
        <translation>Caméra indisponible : %1</translation>
    </message>
</context>
<context>
    <name>CameraStrip</name>
    <message>
        <location filename="../../kiosk/ui/self_service/camera_strip.py" line="58"/>
        <source>You have a ticket? Show its QR code to the camera.</source>
        <translation>Vous avez un billet ? Montrez son QR code à la caméra.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/camera_strip.py" line="72"/>
        <source>Camera unavailable: %1</source>
        <translation>Caméra indisponible : %1</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../kiosk/ui/widgets/camera_view.py" line="25"/>
        <source>Starting camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="67"/>
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="68"/>
        <source>Exit</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="75"/>
        <source>F2 switches</source>
        <translation>F2 pour basculer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="97"/>
        <source>Undo selected scan…</source>
        <translation>Défaire le passage choisi…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="99"/>
        <source>Ctrl+Z undoes the latest entry or exit</source>
        <translation>Ctrl+Z défait la dernière entrée ou sortie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="102"/>
        <source>Last scans at this kiosk</source>
        <translation>Derniers passages à ce poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="110"/>
        <source>Type a ticket code and press Enter</source>
        <translation>Tapez un code de billet puis Entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="112"/>
        <source>Check code</source>
        <translation>Vérifier le code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="192"/>
        <source>EXIT mode — scans record guests leaving</source>
        <translation>Mode SORTIE — les scans enregistrent les départs</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="193"/>
        <source>ENTRY mode — scans let guests in</source>
        <translation>Mode ENTRÉE — les scans font entrer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="264"/>
        <source>Undo the exit of %1 at %2?</source>
        <translation>Défaire la sortie de %1 à %2 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="266"/>
        <source>Undo the staff-approved entry of %1 at %2?</source>
        <translation>Défaire l&apos;entrée autorisée de %1 à %2 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="268"/>
        <source>Undo the entry of %1 at %2?</source>
        <translation>Défaire l&apos;entrée de %1 à %2 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="270"/>
        <source>Undo scan</source>
        <translation>Défaire un passage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="270"/>
        <source>Undo the scan</source>
        <translation>Défaire le passage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="270"/>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/checkin_page.py" line="279"/>
        <source>Undo this scan…</source>
        <translation>Défaire ce passage…</translation>
    </message>
</context>
<context>
    <name>ConnectHubDialog</name>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="62"/>
        <source>Connect the hub</source>
        <translation>Connecter le hub</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="71"/>
        <source>Hub address</source>
        <translation>Adresse du hub</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="72"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="73"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="74"/>
        <source>Administrator login</source>
        <translation>Identifiant administrateur</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="75"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="76"/>
        <source>The hub&apos;s address and its administrator login, as set up on the hub (kiosk keeps the password in a private file of this laptop).</source>
        <translation>L&apos;adresse du hub et son identifiant administrateur, tels qu&apos;installés sur le hub (kiosk garde le mot de passe dans un fichier privé de cet ordinateur).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="78"/>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="99"/>
        <source>Preparing the hub…</source>
        <translation>Préparation du hub…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="99"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="109"/>
        <source>Prepare this hub</source>
        <translation>Préparer ce hub</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="110"/>
        <source>This database is not a kiosk hub yet (or an older one). Prepare it? Nothing already in it is lost.</source>
        <translation>Cette base n&apos;est pas encore un hub kiosk (ou une version plus ancienne). La préparer ? Rien de ce qu&apos;elle contient n&apos;est perdu.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="112"/>
        <source>This database is empty. Make it this evening&apos;s hub?</source>
        <translation>Cette base est vide. En faire le hub de la soirée ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="115"/>
        <source>This hub is newer than this kiosk: update kiosk on this laptop.</source>
        <translation>Ce hub est plus récent que ce kiosk : mettez kiosk à jour sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>DatabaseCheck</name>
    <message>
        <location filename="../../kiosk/ui/controllers/database_check.py" line="37"/>
        <source>The database file is damaged (%1). Stop using this kiosk for check-ins, keep a copy of kiosk.db, and follow &apos;Recovery&apos; in the organiser&apos;s guide (docs/organiser.md).</source>
        <translation>Le fichier de la base est endommagé (%1). N’enregistrez plus d’entrées sur ce poste, gardez une copie de kiosk.db et suivez « Recovery » dans le guide de l’organisation (docs/organiser.md).</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="153"/>
        <source>Kiosk</source>
        <translation>Poste</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="54"/>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="60"/>
        <source>Duplicate entries</source>
        <translation>Entrées en double</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="63"/>
        <source>Admitted at two kiosks that could not see each other: both scans are kept, the guest counts once.</source>
        <translation>Admis·e à deux postes qui ne se voyaient pas : les deux passages sont gardés, la personne compte une fois.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="65"/>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="74"/>
        <source>Guest</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="65"/>
        <source>Ticket code</source>
        <translation>Code du billet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="65"/>
        <source>First entry</source>
        <translation>Première entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="66"/>
        <source>Duplicate entry</source>
        <translation>Entrée en double</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="67"/>
        <source>No duplicate entry.</source>
        <translation>Aucune entrée en double.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="68"/>
        <source>Walk-ins registered twice</source>
        <translation>Inscriptions sur place en double</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="71"/>
        <source>Same name and the same e-mail or organisation, registered at two kiosks. Nothing is merged until you decide.</source>
        <translation>Même nom et même e-mail ou structure, inscrit·e à deux postes. Rien n&apos;est fusionné sans votre décision.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="74"/>
        <source>Registered at</source>
        <translation>Inscrit·e à</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="74"/>
        <source>Also registered at</source>
        <translation>Aussi inscrit·e à</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="76"/>
        <source>No walk-in registered twice.</source>
        <translation>Aucune inscription sur place en double.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="77"/>
        <source>Same person: merge</source>
        <translation>Même personne : fusionner</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="79"/>
        <source>Not the same person</source>
        <translation>Pas la même personne</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="93"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/duplicates_dialog.py" line="106"/>
        <source>Looking for duplicates…</source>
        <translation>Recherche des doublons…</translation>
    </message>
</context>
<context>
    <name>DuplicatesPresenter</name>
    <message>
        <location filename="../../kiosk/ui/presenters/duplicates.py" line="73"/>
        <location filename="../../kiosk/ui/presenters/duplicates.py" line="76"/>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/presenters/duplicates.py" line="74"/>
        <source>%1 and %2 are the same person? The second record is cancelled, its scans and badges count for the first, on every kiosk.</source>
        <translation>%1 et %2 sont la même personne ? La seconde fiche est annulée, ses passages et badges comptent pour la première, sur tous les postes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/presenters/duplicates.py" line="76"/>
        <source>Keep both</source>
        <translation>Garder les deux</translation>
    </message>
</context>
<context>
    <name>EveningSetup</name>
    <message>
        <location filename="../../kiosk/ui/controllers/evening_setup.py" line="35"/>
        <source>Ready for the evening?</source>
        <translation>Prêt pour la soirée ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/evening_setup.py" line="38"/>
        <source>Hub and doors</source>
        <translation>Hub et postes</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/evening_setup.py" line="39"/>
        <source>Connect the hub…</source>
        <translation>Connecter le hub…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/evening_setup.py" line="40"/>
        <source>Add a door…</source>
        <translation>Ajouter un poste…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/evening_setup.py" line="41"/>
        <source>Join an evening…</source>
        <translation>Rejoindre une soirée…</translation>
    </message>
</context>
<context>
    <name>GroupRow</name>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="65"/>
        <source>%1 / %2 arrived</source>
        <translation>%1 / %2 arrivés</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="67"/>
        <source>%1 places</source>
        <translation>%1 places</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="100"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="101"/>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="102"/>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="103"/>
        <location filename="../../kiosk/ui/widgets/header.py" line="105"/>
        <source>not configured</source>
        <translation>non configurée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="104"/>
        <source>not started</source>
        <translation>non démarrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="133"/>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="135"/>
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/widgets/header.py" line="137"/>
        <source>%n badge(s) failed</source>
        <translation>
            <numerusform>%n badge en échec</numerusform>
            <numerusform>%n badges en échec</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="139"/>
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/widgets/header.py" line="143"/>
        <source>▲ %n duplicate(s) to check</source>
        <translation>
            <numerusform>▲ %n doublon à vérifier</numerusform>
            <numerusform>▲ %n doublons à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="153"/>
        <source>Kiosk: %1</source>
        <translation>Poste : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="156"/>
        <source>Arrived %1 / %2</source>
        <translation>Arrivé·es %1 / %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="158"/>
        <source>Inside now %1</source>
        <translation>Sur place %1</translation>
    </message>
</context>
<context>
    <name>HelpAlertBar</name>
    <message>
        <location filename="../../kiosk/ui/widgets/help_alert.py" line="25"/>
        <source>I&apos;m going</source>
        <translation>J&apos;y vais</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/help_alert.py" line="43"/>
        <source>Someone is asking for help at the walk-in screen “%1” (since %2)</source>
        <translation>Quelqu&apos;un demande de l&apos;aide au poste libre-service « %1 » (depuis %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/widgets/help_alert.py" line="46"/>
        <source>— and %n more call(s)</source>
        <translation>
            <numerusform>— et %n autre appel</numerusform>
            <numerusform>— et %n autres appels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JoinEveningDialog</name>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="232"/>
        <source>Join an evening</source>
        <translation>Rejoindre une soirée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="238"/>
        <source>Hold the QR code the organiser shows up to the camera, or read it with the handheld scanner, or paste the code and press Enter.</source>
        <translation>Présentez à la caméra le QR code que montre l&apos;organisation, ou lisez-le avec la douchette, ou collez le code et appuyez sur Entrée.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="241"/>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="265"/>
        <source>This is not a pairing code: %1</source>
        <translation>Ce n&apos;est pas un code d&apos;appairage : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="269"/>
        <source>Joining the evening: receiving the guests…</source>
        <translation>Connexion à la soirée : réception des invités…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/hub_dialogs.py" line="276"/>
        <source>Joined %1: %2 guests.</source>
        <translation>Soirée rejointe : %1, %2 invités.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="84"/>
        <location filename="../../kiosk/ui/main_window.py" line="152"/>
        <source>Kiosk — %1</source>
        <translation>Kiosk — %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="101"/>
        <source>Check-in</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="101"/>
        <source>Attendees</source>
        <translation>Participant·es</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="102"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="166"/>
        <source>&amp;Kiosk</source>
        <translation>&amp;Kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="167"/>
        <source>Import registrations…</source>
        <translation>Importer les inscriptions…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="169"/>
        <source>Badges PDF for everyone…</source>
        <translation>PDF des badges de tous les invités…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="171"/>
        <source>Sync with the hub now</source>
        <translation>Synchroniser avec le hub maintenant</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="173"/>
        <location filename="../../kiosk/ui/main_window.py" line="269"/>
        <source>Duplicate entries…</source>
        <translation>Entrées en double…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="176"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="179"/>
        <source>&amp;Screens</source>
        <translation>É&amp;crans</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="268"/>
        <source>Duplicate entries (%1)…</source>
        <translation>Entrées en double (%1)…</translation>
    </message>
</context>
<context>
    <name>OccupancyScreen</name>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="101"/>
        <source>Occupancy</source>
        <translation>Fréquentation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="145"/>
        <source>Inside now</source>
        <translation>Présents</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="169"/>
        <source>Workshops</source>
        <translation>Ateliers</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="175"/>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="196"/>
        <source>Evacuation list (staff)…</source>
        <translation>Liste d&apos;évacuation (équipe)…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="198"/>
        <source>Check everyone out (staff)…</source>
        <translation>Sortie de tout le monde (équipe)…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="309"/>
        <source>Nearly full</source>
        <translation>Presque plein</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="309"/>
        <source>Full: hold the door</source>
        <translation>Complet : on retient l&apos;entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="314"/>
        <source>Arrived %1 / %2 registered · %3</source>
        <translation>Arrivés %1 / %2 inscrits · %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="316"/>
        <source>Walk-ins %1 · Not yet arrived %2</source>
        <translation>Inscrits sur place %1 · Pas encore arrivés %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="330"/>
        <source>Reading the log of scans… %1 %</source>
        <translation>Lecture du journal des passages… %1 %</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="364"/>
        <source>▲ %1: silent since %2 (last scan %3)</source>
        <translation>▲ %1 : muet depuis %2 (dernier scan %3)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="367"/>
        <source>%1: last scan %2</source>
        <translation>%1 : dernier scan %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/screen.py" line="368"/>
        <source>No scan yet on this kiosk</source>
        <translation>Aucun scan sur ce poste pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="36"/>
        <source>Let in anyway</source>
        <translation>Laisser entrer quand même</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="38"/>
        <source>Let %1 in anyway? This is recorded with your name and reason.</source>
        <translation>Laisser entrer %1 quand même ? Votre nom et la raison sont enregistrés.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="43"/>
        <source>e.g. lost phone, checked ID</source>
        <translation>ex. : téléphone perdu, pièce d&apos;identité vérifiée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="46"/>
        <source>Your first name (asked once)</source>
        <translation>Votre prénom (demandé une fois)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="48"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="49"/>
        <source>Staff</source>
        <translation>Membre de l&apos;équipe</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/dialogs.py" line="52"/>
        <source>Let in</source>
        <translation>Laisser entrer</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../kiosk/ui/self_service/pages.py" line="69"/>
        <source>Staff only: enter the PIN to leave the self-service mode</source>
        <translation>Réservé à l’équipe : entrez le code PIN pour quitter le mode libre-service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/pages.py" line="83"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/pages.py" line="86"/>
        <source>Back to the form</source>
        <translation>Retour au formulaire</translation>
    </message>
</context>
<context>
    <name>PrinterBanner</name>
    <message>
        <location filename="../../kiosk/ui/widgets/printer_banner.py" line="42"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/printer_banner.py" line="44"/>
        <source>Send the failed badges to the printer again</source>
        <translation>Renvoyer les badges en échec à l’imprimante</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/printer_banner.py" line="68"/>
        <source>Printer unavailable — badges will wait until it is back</source>
        <translation>Imprimante indisponible — les badges attendront son retour</translation>
    </message>
</context>
<context>
    <name>PrinterController</name>
    <message>
        <location filename="../../kiosk/ui/presenters/printing.py" line="133"/>
        <source>Printing is not set up: check the printer settings.</source>
        <translation>L’impression n’est pas configurée : vérifiez les réglages de l’imprimante.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/presenters/printing.py" line="136"/>
        <source>No guest to print a test badge for: import registrations first.</source>
        <translation>Aucun invité pour un badge de test : importez d’abord les inscriptions.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/presenters/printing.py" line="142"/>
        <source>the default printer</source>
        <translation>l’imprimante par défaut</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/presenters/printing.py" line="144"/>
        <source>Test badge for %1 queued: the PDF goes to the folder %2</source>
        <translation>Badge de test de %1 en file : le PDF arrive dans le dossier %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/presenters/printing.py" line="146"/>
        <source>Test badge for %1 sent to %2</source>
        <translation>Badge de test de %1 envoyé à %2</translation>
    </message>
</context>
<context>
    <name>PrinterStatus</name>
    <message>
        <location filename="../../kiosk/ui/controllers/printer_status.py" line="49"/>
        <source>not configured</source>
        <translation>non configurée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/printer_status.py" line="52"/>
        <source>ready</source>
        <translation>prête</translation>
    </message>
</context>
<context>
    <name>PrintingSection</name>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="35"/>
        <source>Badge printing</source>
        <translation>Impression des badges</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="40"/>
        <source>PDF files in a folder</source>
        <translation>Fichiers PDF dans un dossier</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="41"/>
        <source>CUPS printer</source>
        <translation>Imprimante CUPS</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="42"/>
        <source>System printer (Qt)</source>
        <translation>Imprimante du système (Qt)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="47"/>
        <source>Find printers</source>
        <translation>Chercher les imprimantes</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="60"/>
        <source>Print a badge automatically at each entry</source>
        <translation>Imprimer un badge automatiquement à chaque entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="62"/>
        <source>Print a test badge</source>
        <translation>Imprimer un badge de test</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="64"/>
        <source>Saves these settings, then prints the first guest&apos;s badge</source>
        <translation>Enregistre ces réglages, puis imprime le badge du premier invité</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="81"/>
        <source>Send badges to</source>
        <translation>Envoyer les badges vers</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="82"/>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="83"/>
        <source>Badge format</source>
        <translation>Format de badge</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="85"/>
        <source>Now printing to</source>
        <translation>Impression actuelle vers</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="115"/>
        <source>(default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="121"/>
        <source>%n printer(s) found</source>
        <translation>
            <numerusform>%n imprimante trouvée</numerusform>
            <numerusform>%n imprimantes trouvées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="122"/>
        <source>No printer found on this computer.</source>
        <translation>Aucune imprimante trouvée sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="125"/>
        <source>printing is not set up</source>
        <translation>impression non configurée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="135"/>
        <source>Folder; empty: %1</source>
        <translation>Dossier ; vide : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_printing.py" line="137"/>
        <source>Empty: the system&apos;s default printer</source>
        <translation>Vide : l’imprimante par défaut du système</translation>
    </message>
</context>
<context>
    <name>ReadinessDialog</name>
    <message>
        <location filename="../../kiosk/ui/pages/readiness_dialog.py" line="37"/>
        <source>Ready for the evening?</source>
        <translation>Prêt pour la soirée ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/readiness_dialog.py" line="51"/>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/readiness_dialog.py" line="63"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/readiness_dialog.py" line="65"/>
        <source>The check failed: %1</source>
        <translation>La vérification a échoué : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/readiness_dialog.py" line="87"/>
        <source>Ready for the evening.</source>
        <translation>Prêt pour la soirée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/pages/readiness_dialog.py" line="88"/>
        <source>Not ready yet: %n thing(s) to fix.</source>
        <translation>
            <numerusform>Pas encore prêt : %n point à régler.</numerusform>
            <numerusform>Pas encore prêt : %n points à régler.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecentScansModel</name>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="43"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="44"/>
        <source>Guest</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="45"/>
        <source>Verdict</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="62"/>
        <source>exit (undone)</source>
        <translation>sortie (annulée)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="63"/>
        <source>%1 (undone)</source>
        <translation>%1 (annulé)</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <location filename="../../kiosk/ui/app.py" line="341"/>
        <source>Occupancy screen</source>
        <translation>Écran d&apos;occupation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/app.py" line="342"/>
        <source>Self-service mode</source>
        <translation>Mode libre-service</translation>
    </message>
</context>
<context>
    <name>SelfServiceWindow</name>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="122"/>
        <source>Welcome! Register here, or scan your ticket.</source>
        <translation>Bienvenue ! Inscrivez-vous ici, ou scannez votre billet.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="131"/>
        <source>Call the team</source>
        <translation>Appeler l&apos;équipe</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="135"/>
        <source>Staff</source>
        <translation>Équipe</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/self_service/window.py" line="336"/>
        <source>Still there? This screen clears in %n second(s): touch the screen or press a key to keep it.</source>
        <translation>
            <numerusform>Vous êtes toujours là ? Cet écran s&apos;efface dans %n seconde : touchez l&apos;écran ou appuyez sur une touche pour le garder.</numerusform>
            <numerusform>Vous êtes toujours là ? Cet écran s&apos;efface dans %n secondes : touchez l&apos;écran ou appuyez sur une touche pour le garder.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="284"/>
        <source>One moment…</source>
        <translation>Un instant…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="284"/>
        <source>Your registration is being saved.</source>
        <translation>Votre inscription est en cours d’enregistrement.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="278"/>
        <location filename="../../kiosk/ui/self_service/window.py" line="285"/>
        <source>Sorry, this did not work</source>
        <translation>Désolé, cela n’a pas marché</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="286"/>
        <source>Nothing was recorded. Please ask a member of staff.</source>
        <translation>Rien n’a été enregistré. Demandez à un membre de l’équipe.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="278"/>
        <source>Please ask a member of staff.</source>
        <translation>Demandez à un membre de l’équipe.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="261"/>
        <source>Workshop: %1</source>
        <translation>Atelier : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="263"/>
        <source>Your badge is printing.</source>
        <translation>Votre badge s’imprime.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="265"/>
        <source>You are already checked in.</source>
        <translation>Votre entrée est déjà enregistrée.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="266"/>
        <source>Welcome, %1!</source>
        <translation>Bienvenue, %1 !</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="268"/>
        <source>You are already registered</source>
        <translation>Vous êtes déjà inscrit·e</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="268"/>
        <source>Is this you: %1?</source>
        <translation>Est-ce bien vous : %1 ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="269"/>
        <source>Yes, it is me</source>
        <translation>Oui, c’est moi</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="270"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="272"/>
        <source>Sorry, the venue is full</source>
        <translation>Désolé, c’est complet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="273"/>
        <source>Leave your contact on the waiting list: the team will come and get you as soon as a place is free.</source>
        <translation>Laissez votre contact sur la liste d’attente : l’équipe viendra vous chercher dès qu’une place se libère.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="275"/>
        <source>Join the waiting list</source>
        <translation>M’inscrire sur la liste d’attente</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="276"/>
        <source>No thanks</source>
        <translation>Non merci</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="287"/>
        <source>A member of staff will help you</source>
        <translation>Un membre de l’équipe va vous aider</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="288"/>
        <source>Please go to the welcome desk: we will finish your registration there.</source>
        <translation>Rendez-vous à l’accueil : nous y terminerons votre inscription.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="289"/>
        <source>You are on the waiting list</source>
        <translation>Vous êtes sur la liste d’attente</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="289"/>
        <source>The team will come and get you.</source>
        <translation>L’équipe viendra vous chercher.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="294"/>
        <source>Please see the welcome desk</source>
        <translation>Adressez-vous à l’accueil</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="295"/>
        <source>Please go to the welcome desk with your ticket.</source>
        <translation>Présentez votre billet à l’accueil.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="292"/>
        <source>Please go to the welcome desk</source>
        <translation>Adressez-vous à l&apos;accueil</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="293"/>
        <source>The call could not be sent. The team is at the entrance.</source>
        <translation>L&apos;appel n&apos;a pas pu partir. L&apos;équipe est à l&apos;entrée.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="290"/>
        <source>Someone is coming</source>
        <translation>Quelqu&apos;un arrive</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="291"/>
        <source>The team has been called and will come to you in a moment.</source>
        <translation>L&apos;équipe est prévenue et vient vers vous dans un instant.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="309"/>
        <source>Too many wrong PINs: wait %1 s.</source>
        <translation>Trop de codes erronés : attendez %1 s.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="310"/>
        <source>No staff PIN is set on this kiosk: run “kiosk pin set”.</source>
        <translation>Aucun code PIN d’équipe sur ce poste : lancez « kiosk pin set ».</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/window.py" line="311"/>
        <source>Wrong PIN.</source>
        <translation>Code PIN erroné.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="71"/>
        <source>No camera: handheld scanner and typing only</source>
        <translation>Pas de caméra : douchette et saisie seulement</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="72"/>
        <source>A camera number, a video file path or a stream URL</source>
        <translation>Un numéro de caméra, le chemin d&apos;un fichier vidéo ou l&apos;URL d&apos;un flux</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="73"/>
        <source>Find cameras</source>
        <translation>Chercher les caméras</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="83"/>
        <source>Play a sound for each verdict</source>
        <translation>Jouer un son à chaque résultat</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="97"/>
        <source>This kiosk</source>
        <translation>Ce poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="100"/>
        <source>Kiosk name</source>
        <translation>Nom du poste</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="101"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="102"/>
        <source>QR decoder</source>
        <translation>Décodeur QR</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="103"/>
        <source>Sounds</source>
        <translation>Sons</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="104"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="105"/>
        <source>Back to “ready” after</source>
        <translation>Retour à « prêt » après</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="107"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="115"/>
        <source>The language applies at the next start; the other settings apply when saved.</source>
        <translation>La langue s&apos;applique au prochain démarrage ; les autres réglages dès l&apos;enregistrement.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pages/settings_page.py" line="168"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="12"/>
        <source>This list of keys</source>
        <translation>Cette liste des touches</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="13"/>
        <source>Switch between entry and exit mode</source>
        <translation>Passer du mode entrée au mode sortie, et retour</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="14"/>
        <source>Find a guest by name</source>
        <translation>Chercher une personne par son nom</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="15"/>
        <source>In the guest list: move the selection</source>
        <translation>Dans la liste : changer de personne</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="16"/>
        <source>In the guest list: check the selected guest in</source>
        <translation>Dans la liste : enregistrer l&apos;entrée de la personne choisie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="17"/>
        <source>In the guest list: the guest&apos;s details</source>
        <translation>Dans la liste : la fiche de la personne</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="18"/>
        <source>Undo the latest entry or exit</source>
        <translation>Défaire le dernier passage (entrée ou sortie)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="19"/>
        <source>Go to the next button or field</source>
        <translation>Aller au bouton ou au champ suivant</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="20"/>
        <source>Back to the check-in, ready for the next guest</source>
        <translation>Revenir à l&apos;accueil, prêt pour la personne suivante</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="21"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="27"/>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="28"/>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="29"/>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelp</name>
    <message>
        <location filename="../../kiosk/ui/widgets/shortcuts_help.py" line="36"/>
        <source>Keys of the door</source>
        <translation>Les touches de l&apos;accueil</translation>
    </message>
</context>
<context>
    <name>StaffActions</name>
    <message>
        <location filename="../../kiosk/ui/occupancy/staff.py" line="37"/>
        <source>Staff PIN</source>
        <translation>Code équipe</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/staff.py" line="37"/>
        <source>Staff PIN:</source>
        <translation>Code équipe :</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/staff.py" line="43"/>
        <source>No staff PIN is set. Set one with: kiosk pin set</source>
        <translation>Aucun code équipe n&apos;est défini. Définissez-le avec : kiosk pin set</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/staff.py" line="54"/>
        <source>Wrong PIN.</source>
        <translation>Code PIN erroné.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/staff.py" line="64"/>
        <location filename="../../kiosk/ui/occupancy/staff.py" line="72"/>
        <source>Evacuation list</source>
        <translation>Liste d&apos;évacuation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/staff.py" line="73"/>
        <source>%1 people inside. List written to %2</source>
        <translation>%1 personnes présentes. Liste enregistrée dans %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/staff.py" line="82"/>
        <source>Record an exit for the %1 people still inside?</source>
        <translation>Enregistrer la sortie des %1 personnes encore présentes ?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/staff.py" line="83"/>
        <source>Check everyone out</source>
        <translation>Sortie de tout le monde</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/staff.py" line="84"/>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/occupancy/staff.py" line="86"/>
        <source>staff (occupancy screen)</source>
        <translation>équipe (écran de fréquentation)</translation>
    </message>
</context>
<context>
    <name>StatusLight</name>
    <message>
        <location filename="../../kiosk/ui/widgets/header.py" line="66"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../kiosk/ui/controllers/sync_status.py" line="53"/>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/sync_status.py" line="102"/>
        <source>last sync %1 · waiting: %2</source>
        <translation>dernière synchro %1 · en attente : %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/sync_status.py" line="105"/>
        <source>up to date · %1</source>
        <translation>à jour · %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/controllers/sync_status.py" line="134"/>
        <source>%n scan(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/controllers/sync_status.py" line="135"/>
        <source>%n guest(s)</source>
        <translation>
            <numerusform>%n fiche</numerusform>
            <numerusform>%n fiches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/controllers/sync_status.py" line="136"/>
        <source>%n badge(s) printed</source>
        <translation>
            <numerusform>%n badge imprimé</numerusform>
            <numerusform>%n badges imprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/controllers/sync_status.py" line="137"/>
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n décision</numerusform>
            <numerusform>%n décisions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/sync_status.py" line="147"/>
        <source>offline — check-ins go on, queued</source>
        <translation>hors ligne — les entrées continuent, en attente</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controllers/sync_status.py" line="149"/>
        <source>last sync %1</source>
        <translation>dernière synchro %1</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="22"/>
        <source>let in by staff</source>
        <translation>entrée autorisée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="24"/>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="25"/>
        <source>already checked in</source>
        <translation>déjà entré·e</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="26"/>
        <source>unknown ticket</source>
        <translation>billet inconnu</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="27"/>
        <source>cancelled ticket</source>
        <translation>billet annulé</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="28"/>
        <source>invalid code</source>
        <translation>code invalide</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="29"/>
        <source>other event</source>
        <translation>autre événement</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="30"/>
        <source>exit</source>
        <translation>sortie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/models/recent.py" line="31"/>
        <source>not inside</source>
        <translation>pas sur place</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="56"/>
        <source>Let in anyway</source>
        <translation>Laisser entrer quand même</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="57"/>
        <source>Search by name</source>
        <translation>Chercher par nom</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="58"/>
        <source>Print badge</source>
        <translation>Imprimer le badge</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="157"/>
        <source>EXIT — ready to scan</source>
        <translation>SORTIE — prêt à scanner</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="158"/>
        <source>Scan guests who are leaving</source>
        <translation>Scannez les départs</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="160"/>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="163"/>
        <source>Ready to scan</source>
        <translation>Prêt à scanner</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="161"/>
        <source>Show your QR code to the camera</source>
        <translation>Présentez votre QR code à la caméra</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="164"/>
        <source>Scan your QR code with the scanner</source>
        <translation>Scannez votre QR code avec la douchette</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="165"/>
        <source>Or use the handheld scanner, or type the code below.</source>
        <translation>Ou utilisez la douchette, ou tapez le code ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="166"/>
        <source>Or type the code below, or search the guest by name (Ctrl+F).</source>
        <translation>Ou tapez le code ci-dessous, ou cherchez la personne par son nom (Ctrl+F).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="176"/>
        <source>Let in by staff</source>
        <translation>Entrée autorisée par l&apos;équipe</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="181"/>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="211"/>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="224"/>
        <source>Code: %1</source>
        <translation>Code : %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="183"/>
        <source>Badge printed (%1, %2)</source>
        <translation>Badge imprimé (%1, %2)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="202"/>
        <source>the database is busy (an import is running?)</source>
        <translation>la base est occupée (un import en cours ?)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="203"/>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="204"/>
        <source>the database cannot be written (read-only)</source>
        <translation>la base ne peut pas être écrite (lecture seule)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="205"/>
        <source>the database file is damaged</source>
        <translation>le fichier de la base est endommagé</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="206"/>
        <source>the database cannot be written</source>
        <translation>la base ne peut pas être écrite</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="209"/>
        <source>One moment — %1</source>
        <translation>Un instant — %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="210"/>
        <source>Do not scan again: recorded as soon as it is free</source>
        <translation>Ne rescannez pas : enregistré dès qu’elle se libère</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="217"/>
        <source>Not recorded — %1</source>
        <translation>Non enregistré — %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="219"/>
        <source>Call the organiser</source>
        <translation>Appelez l’organisation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="221"/>
        <source>Keep a copy of kiosk.db and follow “Recovery” in the organiser&apos;s guide.</source>
        <translation>Gardez une copie de kiosk.db et suivez « Recovery » dans le guide de l’organisation.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="223"/>
        <source>Scan again</source>
        <translation>Scannez à nouveau</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="225"/>
        <source>Nothing was written. If it happens again, call the organiser.</source>
        <translation>Rien n’a été enregistré. Si cela se répète, appelez l’organisation.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="233"/>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="234"/>
        <source>Exit recorded</source>
        <translation>Sortie enregistrée</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="235"/>
        <source>Already checked in</source>
        <translation>Déjà entré·e</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="236"/>
        <source>Not inside</source>
        <translation>Pas sur place</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="237"/>
        <source>Unknown ticket</source>
        <translation>Billet inconnu</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="238"/>
        <source>Cancelled ticket</source>
        <translation>Billet annulé</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="239"/>
        <source>Unreadable or forged code</source>
        <translation>Code illisible ou falsifié</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="240"/>
        <source>Ticket for another event</source>
        <translation>Billet d&apos;un autre événement</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="246"/>
        <source>Entry recorded with your reason.</source>
        <translation>Entrée enregistrée avec votre raison.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="248"/>
        <source>First entry at %1 at kiosk “%2”.</source>
        <translation>Première entrée à %1 au poste « %2 ».</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="251"/>
        <source>No entry recorded for this guest: nothing to record.</source>
        <translation>Aucune entrée enregistrée pour cette personne : rien à enregistrer.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="252"/>
        <source>No guest with this code. Search the guest by name.</source>
        <translation>Aucune personne avec ce code. Cherchez-la par son nom.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="253"/>
        <source>This registration was cancelled. Send the guest to the welcome desk.</source>
        <translation>Cette inscription a été annulée. Orientez la personne vers l&apos;accueil.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="254"/>
        <source>Ask for another ticket, or search the guest by name.</source>
        <translation>Demandez un autre billet, ou cherchez la personne par son nom.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/verdict_panel.py" line="255"/>
        <source>Ask for the right ticket, or search the guest by name.</source>
        <translation>Demandez le bon billet, ou cherchez la personne par son nom.</translation>
    </message>
</context>
<context>
    <name>WalkInFormWidget</name>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="41"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="42"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="43"/>
        <source>E-mail (optional)</source>
        <translation>E-mail (facultatif)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="45"/>
        <source>Organisation (optional)</source>
        <translation>Structure (facultatif)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="46"/>
        <source>— Who are you? (optional) —</source>
        <translation>— Vous êtes… (facultatif) —</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="48"/>
        <source>— Workshop (optional) —</source>
        <translation>— Atelier (facultatif) —</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="50"/>
        <source>I agree that my data is processed for this event (required)</source>
        <translation>J’accepte le traitement de mes données pour cet événement (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="53"/>
        <source>Your data is used for this event only.</source>
        <translation>Vos données ne servent qu’à cet événement.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="57"/>
        <source>I agree to be contacted after the event (optional)</source>
        <translation>J’accepte d’être contacté·e après l’événement (facultatif)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="62"/>
        <source>Register and print my badge</source>
        <translation>M’inscrire et imprimer mon badge</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="102"/>
        <source>%1 — full</source>
        <translation>%1 — complet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/self_service/form.py" line="103"/>
        <source>%1 — %n place(s) left</source>
        <translation>
            <numerusform>%1 — %n place restante</numerusform>
            <numerusform>%1 — %n places restantes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="172"/>
        <source>Please tick this box: we cannot register you without it.</source>
        <translation>Cochez cette case : sans elle, nous ne pouvons pas vous inscrire.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="174"/>
        <source>Please fill this in.</source>
        <translation>Merci de remplir ce champ.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="175"/>
        <source>This is too long (%1 characters at most).</source>
        <translation>C’est trop long (%1 caractères au plus).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="176"/>
        <source>Please use letters, digits and punctuation only.</source>
        <translation>Utilisez seulement des lettres, des chiffres et de la ponctuation.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="177"/>
        <source>This is not an e-mail address (name@example.org).</source>
        <translation>Ce n’est pas une adresse e-mail (nom@exemple.org).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="178"/>
        <source>Please choose from the list.</source>
        <translation>Choisissez dans la liste.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/self_service/form.py" line="179"/>
        <source>This workshop just filled up: please choose another one.</source>
        <translation>Cet atelier vient d’être complet : choisissez-en un autre.</translation>
    </message>
</context>
</TS>
