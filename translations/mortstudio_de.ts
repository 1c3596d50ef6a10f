<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Bootstrap</name>
    <message>
        <location filename="../app/common/serverbootstrap.cpp" line="+20"/>
        <source>cannot use configuration %1:
%2
Fix the file (every line names the key) or pass another with -config FILE.</source>
        <translation>Konfiguration %1 ist nicht verwendbar:
%2
Die Datei korrigieren (jede Zeile nennt den Schlüssel) oder mit -config DATEI eine andere angeben.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the configuration refers to ${%1}, which is not set: it reads as empty. Export it before starting (systemd: EnvironmentFile=).</source>
        <translation>die Konfiguration verweist auf ${%1}, die nicht gesetzt ist: sie wird als leer gelesen. Exportieren Sie sie vor dem Start (systemd: EnvironmentFile=).</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/common/commandline.cpp" line="+13"/>
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unexpected argument: %1</source>
        <translation>unerwartetes Argument: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>unknown option: %1</source>
        <translation>unbekannte Option: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Usage: %1 [-config FILE] [-version] [--help]
  -config FILE   Mort YAML configuration (default /etc/mort/mort.yml)
  -version       print the version and exit
</source>
        <translation>Aufruf: %1 [-config DATEI] [-version] [--help]
  -config DATEI  Mort-YAML-Konfiguration (Standard /etc/mort/mort.yml)
  -version       Version ausgeben und beenden
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  --attach URL   attach to a running mort-server&apos;s admin API
  --preview FILE open an image in the preset preview
  --preset NAME  preset to preview
  --headless     run the embedded server without a window
  --screenshot F save a PNG of the main window and quit
  --tab NAME     the screen shown first: status, dashboard, cache, activity, preview, config
  --lang CODE    the window&apos;s language: en, pl or de (default: saved, else the system&apos;s)
</source>
        <translation>  --attach URL   mit der Admin-API eines laufenden mort-server verbinden
  --preview DATEI ein Bild in der Preset-Vorschau öffnen
  --preset NAME  Preset für die Vorschau
  --headless     den eingebetteten Server ohne Fenster starten
  --screenshot D ein PNG des Hauptfensters speichern und beenden
  --tab NAME     der erste Bildschirm: status, dashboard, cache, activity, preview, config
  --lang CODE    Sprache des Fensters: en, pl oder de (Standard: gespeichert, sonst die des Systems)
</translation>
    </message>
</context>
<context>
    <name>ContactSheet</name>
    <message>
        <location filename="../ui/preview/contactsheet.cpp" line="+142"/>
        <source>rendering…</source>
        <translation>wird gerendert…</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../ui/shared/language.cpp" line="+71"/>
        <source>S&amp;ettings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language applies when Mort Studio starts again.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Mort Studio.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Applies at the next start</source>
        <translation>Gilt ab dem nächsten Start</translation>
    </message>
</context>
<context>
    <name>PreviewParameters</name>
    <message>
        <location filename="../ui/preview/previewparameters.cpp" line="+85"/>
        <source>Resize</source>
        <translation>Skalieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop</source>
        <translation>Zuschneiden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resize and crop (auto)</source>
        <translation>Skalieren und zuschneiden (auto)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract area</source>
        <translation>Bereich ausschneiden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur</source>
        <translation>Weichzeichnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watermark</source>
        <translation>Wasserzeichen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Output width of the resize; 0 = follow the height</source>
        <translation>Breite nach dem Skalieren; 0 = der Höhe folgen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output height of the resize; 0 = follow the width</source>
        <translation>Höhe nach dem Skalieren; 0 = der Breite folgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop width</source>
        <translation>Zuschnittbreite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop: output width; 0 = keep the image&apos;s. With Resize also on, the crop&apos;s size is the output</source>
        <translation>Zuschneiden: Breite des Ergebnisses; 0 = die des Bildes. Ist auch Skalieren an, hat das Ergebnis die Größe des Zuschnitts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop height</source>
        <translation>Zuschnitthöhe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop: output height; 0 = keep the image&apos;s</source>
        <translation>Zuschneiden: Höhe des Ergebnisses; 0 = die des Bildes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gravity</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which part of the image a crop keeps; smart finds the most interesting area</source>
        <translation>Welchen Teil des Bildes der Zuschnitt behält; smart findet den interessantesten Bereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embed</source>
        <translation>Einbetten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop: embed the image in the requested size instead of cutting</source>
        <translation>Zuschneiden: das Bild in die gewünschte Größe einbetten statt zu schneiden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top</source>
        <translation>Oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract: top edge of the area</source>
        <translation>Ausschneiden: obere Kante des Bereichs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract: left edge of the area</source>
        <translation>Ausschneiden: linke Kante des Bereichs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area width</source>
        <translation>Bereichsbreite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract: width of the area (query key areaWith, as Mort spells it)</source>
        <translation>Ausschneiden: Breite des Bereichs (Abfrageschlüssel areaWith, wie Mort ihn schreibt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area height</source>
        <translation>Bereichshöhe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract: height of the area</source>
        <translation>Ausschneiden: Höhe des Bereichs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sigma</source>
        <translation>Sigma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur: standard deviation of the Gaussian, more than 0 and at most 100</source>
        <translation>Weichzeichnen: Standardabweichung der Gaußkurve, größer als 0 und höchstens 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum amplitude</source>
        <translation>Minimale Amplitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur: accuracy of the Gaussian mask; 0 = default</source>
        <translation>Weichzeichnen: Genauigkeit der Gauß-Maske; 0 = Standard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Angle</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> °</source>
        <translation> °</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate clockwise</source>
        <translation>Im Uhrzeigersinn drehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watermark image</source>
        <translation>Wasserzeichenbild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key of an image in the bucket&apos;s basic storage (URLs are refused)</source>
        <translation>Schlüssel eines Bildes im Basisspeicher des Buckets (URLs werden abgelehnt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the watermark goes</source>
        <translation>Wo das Wasserzeichen sitzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watermark opacity: 0 = invisible, 1 = opaque</source>
        <translation>Deckkraft des Wasserzeichens: 0 = unsichtbar, 1 = deckend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder quality 1..100; 0 = the encoder&apos;s default (75)</source>
        <translation>Encoder-Qualität 1..100; 0 = Standard des Encoders (75)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output format; empty = keep the input&apos;s</source>
        <translation>Ausgabeformat; leer = wie die Eingabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grayscale</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convert to grayscale</source>
        <translation>In Graustufen umwandeln</translation>
    </message>
</context>
<context>
    <name>SharedBackendsText</name>
    <message>
        <location filename="../ui/shared/sharedbackendstext.cpp" line="+28"/>
        <source>cache: %1 · lock: %2</source>
        <translation>Cache: %1 · Sperre: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 unreachable: requests go on without it (shared cache skipped %2 times, lock %3 times). Check that redis-server runs there and that server.cache.address names it.</source>
        <translation>%1 nicht erreichbar: Anfragen laufen ohne ihn weiter (gemeinsamer Cache %2-mal übersprungen, Sperre %3-mal). Prüfen Sie, ob dort redis-server läuft und server.cache.address ihn nennt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 reachable · round trip %2 ms (average %3 ms) · %4 commands, %5 failed</source>
        <translation>%1 erreichbar · Antwortzeit %2 ms (Mittel %3 ms) · %4 Befehle, %5 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Redis unreachable</source>
        <translation>Redis nicht erreichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redis reachable, %1 ms</source>
        <translation>Redis erreichbar, %1 ms</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="+289"/>
        <source>Mort Studio</source>
        <translation>Mort Studio</translation>
    </message>
</context>
<context>
    <name>mort::ActivityPanel</name>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="+26"/>
        <source>Follow</source>
        <translation>Mitlaufen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show log lines at this level or above</source>
        <translation>Protokollzeilen ab dieser Stufe anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search messages (Ctrl+F)</source>
        <translation>Meldungen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the newest line in view</source>
        <translation>Die neueste Zeile im Blick behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the lines shown so far (the server keeps its own)</source>
        <translation>Die bisher gezeigten Zeilen vergessen (der Server behält seine eigenen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Tasks by kind</source>
        <translation>Aufgaben nach Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every unit of asynchronous work the server runs, counted while it lives: after a load, every kind returns to its idle count</source>
        <translation>Jede asynchrone Arbeitseinheit des Servers, gezählt, solange sie lebt: nach einer Last kehrt jede Art zu ihrem Ruhewert zurück</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 live now</source>
        <translation>%1 aktiv</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No log lines yet: they appear here as the server writes them.</source>
        <translation>Noch keine Protokollzeilen: Sie erscheinen hier, sobald der Server sie schreibt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 lines shown (the last %3 are kept)</source>
        <translation>%1 von %2 Zeilen angezeigt (die letzten %3 werden behalten)</translation>
    </message>
</context>
<context>
    <name>mort::AttachDialog</name>
    <message>
        <location filename="../ui/connection/attachdialog.cpp" line="+20"/>
        <source>Remember the token in the system keychain</source>
        <translation>Token im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach to a running server</source>
        <translation>Mit laufendem Server verbinden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server&apos;s internalListen address (where /metrics is served)</source>
        <translation>Die internalListen-Adresse des Servers (dort, wo /metrics bereitsteht)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server.adminToken or MORT_ADMIN_TOKEN of the server; empty if none</source>
        <translation>server.adminToken oder MORT_ADMIN_TOKEN des Servers; leer, wenn keiner</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Admin URL:</source>
        <translation>Admin-URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This server needs an admin token; enter it above. %1</source>
        <translation>Dieser Server braucht ein Admin-Token; oben eingeben. %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This server&apos;s admin API needs no token.</source>
        <translation>Die Admin-API dieses Servers braucht kein Token.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Enter an address such as http://127.0.0.1:8081.</source>
        <translation>Eine Adresse wie http://127.0.0.1:8081 eingeben.</translation>
    </message>
</context>
<context>
    <name>mort::AttachTokenLookup</name>
    <message>
        <location filename="../ui/connection/attachtoken.cpp" line="+18"/>
        <source>This server&apos;s admin API needs a token. %1. Start the studio with MORT_ADMIN_TOKEN set, or attach with Server &gt; Attach (Ctrl+Shift+A) and enter the token there.</source>
        <translation>Die Admin-API dieses Servers braucht ein Token. %1. Starten Sie das Studio mit gesetztem MORT_ADMIN_TOKEN oder verbinden Sie sich über Server &gt; Verbinden (Strg+Umschalt+A) und geben Sie das Token dort ein.</translation>
    </message>
</context>
<context>
    <name>mort::BucketImageDialog</name>
    <message>
        <location filename="../ui/preview/bucketimagedialog.cpp" line="+16"/>
        <source>Listing…</source>
        <translation>Wird aufgelistet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open an image from bucket %1</source>
        <translation>Bild aus Bucket %1 öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by name</source>
        <translation>Nach Name filtern</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot list bucket %1: %2</source>
        <translation>Bucket %1 kann nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No images in bucket %1.</source>
        <translation>Keine Bilder in Bucket %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n images shown.</source>
        <translation>
            <numerusform>%1 von %n Bild angezeigt.</numerusform>
            <numerusform>%1 von %n Bildern angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>mort::BucketKeysBox</name>
    <message>
        <location filename="../ui/config/bucketkeysbox.cpp" line="+12"/>
        <source>Access keys</source>
        <translation>Zugriffsschlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No keys in this bucket.</source>
        <translation>Dieser Bucket hat keine Schlüssel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pairs requests to this bucket are signed with, the S3 way (AWS signature)</source>
        <translation>Die Paare, mit denen Anfragen an diesen Bucket signiert werden, wie bei S3 (AWS-Signatur)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add a pair; type its access key and secret</source>
        <translation>Ein Paar hinzufügen; Zugriffsschlüssel und Geheimnis eintippen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access key</source>
        <translation>Zugriffsschlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>access key</source>
        <translation>Zugriffsschlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving moves it to the system keychain; the file then refers to it as ${MORT_SECRET_...}</source>
        <translation>Beim Speichern wandert er in den Schlüsselbund des Systems; die Datei verweist dann als ${MORT_SECRET_...} darauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this pair</source>
        <translation>Dieses Paar entfernen</translation>
    </message>
</context>
<context>
    <name>mort::BucketPage</name>
    <message>
        <location filename="../ui/config/bucketpage.cpp" line="+40"/>
        <source>Bucket %1</source>
        <translation>Bucket %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bucket&apos;s transform: how a URL names a transform of an original. Presets, storages and other keys (headers, glacier, limits) stay as written; presets and storages have their own pages.</source>
        <translation>Die Transformation des Buckets: wie eine URL eine Transformation eines Originals angibt. Presets, Speicher und andere Schlüssel (headers, glacier, limits) bleiben wie geschrieben; Presets und Speicher haben eigene Seiten.</translation>
    </message>
</context>
<context>
    <name>mort::BucketPathTester</name>
    <message>
        <location filename="../ui/config/bucketpathtester.cpp" line="+20"/>
        <source>Paste a URL or path, e.g. /demo/small/photo.jpg</source>
        <translation>URL oder Pfad einfügen, z. B. /demo/small/photo.jpg</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No transform: objects are served as stored.</source>
        <translation>Keine Transformation: Objekte werden wie gespeichert ausgeliefert.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Test a URL (follows the form and the YAML as you type):</source>
        <translation>URL testen (folgt dem Formular und dem YAML beim Tippen):</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Named groups: %1</source>
        <translation>Benannte Gruppen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The path regex does not match this key (no named groups).</source>
        <translation>Der Pfad-Regex passt nicht auf diesen Schlüssel (keine benannten Gruppen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server answers 400: %1</source>
        <translation>Der Server antwortet 400: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parsed: a transform of %1 (storage %2)</source>
        <translation>Erkannt: eine Transformation von %1 (Speicher %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result key: %1 (storage %2)</source>
        <translation>Ergebnisschlüssel: %1 (Speicher %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parsed: the original %1 of bucket %2 (storage %3), no transform</source>
        <translation>Erkannt: das Original %1 von Bucket %2 (Speicher %3), keine Transformation</translation>
    </message>
</context>
<context>
    <name>mort::CacheBrowserPanel</name>
    <message>
        <location filename="../ui/cache/cachebrowserpanel.cpp" line="+29"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>Evict selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Clear all…</source>
        <translation>Alles leeren…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Filter by request, key, status or content type</source>
        <translation>Nach Anfrage, Schlüssel, Status oder Inhaltstyp filtern</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>List the cache again now (F5); while this tab is shown it is listed every %1 s anyway</source>
        <translation>Den Cache jetzt neu auflisten (F5); solange dieser Tab sichtbar ist, geschieht das ohnehin alle %1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected entries (Delete); the next request renders them again</source>
        <translation>Die ausgewählten Einträge entfernen (Entf); die nächste Anfrage rendert sie neu</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Evicted 1 entry.</source>
        <translation>1 Eintrag entfernt.</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Evicted %n entries.</source>
        <translation>
            <numerusform>%n Eintrag entfernt.</numerusform>
            <numerusform>%n Einträge entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cache cleared.</source>
        <translation>Cache geleert.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+117"/>
        <source>Listing…</source>
        <translation>Wird aufgelistet…</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Evict %1 from the cache?</source>
        <translation>%1 aus dem Cache entfernen?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Evict the %n selected entries from the cache?</source>
        <translation>
            <numerusform>Den %n ausgewählten Eintrag aus dem Cache entfernen?</numerusform>
            <numerusform>Die %n ausgewählten Einträge aus dem Cache entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evict cache entries</source>
        <translation>Cache-Einträge entfernen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evicting 1 entry…</source>
        <translation>1 Eintrag wird entfernt…</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Evicting %n entries…</source>
        <translation>
            <numerusform>%n Eintrag wird entfernt…</numerusform>
            <numerusform>%n Einträge werden entfernt…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Entries in Redis stay (other instances use them); evict those one by one.</source>
        <translation>Einträge in Redis bleiben (andere Instanzen nutzen sie); entfernen Sie diese einzeln.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Remove every entry from the response cache? Requests will be rendered again until it refills.</source>
        <translation>Alle Einträge aus dem Antwort-Cache entfernen? Anfragen werden neu gerendert, bis er wieder gefüllt ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clearing…</source>
        <translation>Wird geleert…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Not connected to the server: nothing to list.</source>
        <translation>Nicht mit dem Server verbunden: nichts aufzulisten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 of %2 in cache (%3 %)</source>
        <translation> · %1 von %2 im Cache (%3 %)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · %1 in cache</source>
        <translation> · %1 im Cache</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> · %n in Redis</source>
        <translation>
            <numerusform> · %n in Redis</numerusform>
            <numerusform> · %n in Redis</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — %1 match the filter</source>
        <translation> — %1 passen zum Filter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (listing stops at %1)</source>
        <translation> (Auflistung endet bei %1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select one entry to see its headers and a preview.</source>
        <translation>Einen Eintrag auswählen, um Header und Vorschau zu sehen.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n entries selected.</source>
        <translation>
            <numerusform>%n Eintrag ausgewählt.</numerusform>
            <numerusform>%n Einträge ausgewählt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mort::CacheEntryDetailView</name>
    <message>
        <location filename="../ui/cache/cacheentrydetailview.cpp" line="+26"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select one entry to see its headers and a preview.</source>
        <translation>Einen Eintrag auswählen, um Header und Vorschau zu sehen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;&lt;small&gt;key %2&lt;/small&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;&lt;small&gt;Schlüssel %2&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status %1 · %2 · %3 in cache · %4 hits</source>
        <translation>Status %1 · %2 · %3 im Cache · Treffer: %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Decoding…</source>
        <translation>Wird dekodiert…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>(this image format cannot be previewed here)</source>
        <translation>(dieses Bildformat kann hier nicht angezeigt werden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no preview for %1)</source>
        <translation>(keine Vorschau für %1)</translation>
    </message>
</context>
<context>
    <name>mort::CacheEntryModel</name>
    <message>
        <location filename="../ui/cache/cacheentrymodel.cpp" line="+20"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>this process</source>
        <translation>dieser Prozess</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Redis keeps no request URL; the key names the object</source>
        <translation>Redis speichert keine Anfrage-URL; der Schlüssel nennt das Objekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not stored by a request (a placeholder render)</source>
        <translation>Nicht von einer Anfrage gespeichert (ein Platzhalter-Rendering)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes of the cache&apos;s capacity: %2 bytes of body, the rest headers and bookkeeping</source>
        <translation>%1 Bytes der Cache-Kapazität: %2 Bytes Inhalt, der Rest Header und Verwaltung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expires in %1</source>
        <translation>läuft in %1 ab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In Redis, shared by every instance on it; evicting removes it there</source>
        <translation>In Redis, geteilt von allen Instanzen daran; Entfernen löscht ihn dort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In this server&apos;s own memory</source>
        <translation>Im eigenen Speicher dieses Servers</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content type</source>
        <translation>Inhaltstyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held in</source>
        <translation>Gehalten in</translation>
    </message>
</context>
<context>
    <name>mort::CompareArea</name>
    <message>
        <location filename="../ui/preview/comparearea.cpp" line="+43"/>
        <location line="+98"/>
        <source>Open an image to preview presets on it.</source>
        <translation>Ein Bild öffnen, um Presets darauf anzusehen.</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>The result appears here.</source>
        <translation>Hier erscheint das Ergebnis.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+98"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>After (as the server sends it)</source>
        <translation>Nachher (wie der Server es sendet)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>100%</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom of every view (Ctrl+= and Ctrl+- step, Ctrl+wheel zooms at the mouse)</source>
        <translation>Zoom aller Ansichten (Strg+= und Strg+- in Schritten, Strg+Mausrad an der Mausposition)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Verkleinern (Strg+-)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom in (Ctrl+=)</source>
        <translation>Vergrößern (Strg+=)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scale the result is shown at</source>
        <translation>Der Maßstab, in dem das Ergebnis gezeigt wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same scale</source>
        <translation>Gleicher Maßstab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side by side: both images at one scale, so a 300 px result looks smaller than a 400 px one</source>
        <translation>Nebeneinander: beide Bilder in einem Maßstab, ein 300-px-Ergebnis wirkt also kleiner als ein 400-px-Bild</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drag to pan</source>
        <translation>Zum Verschieben ziehen</translation>
    </message>
</context>
<context>
    <name>mort::ConfigDiffDialog</name>
    <message>
        <location filename="../ui/config/configdiffdialog.cpp" line="+18"/>
        <source>Apply the config</source>
        <translation>Konfiguration anwenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The running server changes as shown (- its config now, + after Apply). Nothing is written to a file.</source>
        <translation>Der laufende Server ändert sich wie gezeigt (- jetzige Konfiguration, + nach dem Anwenden). Es wird nichts in eine Datei geschrieben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The editor holds the running config: there is nothing to apply.</source>
        <translation>Der Editor enthält die laufende Konfiguration: Es gibt nichts anzuwenden.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Apply to the running server</source>
        <translation>Auf den laufenden Server anwenden</translation>
    </message>
</context>
<context>
    <name>mort::ConfigFileBar</name>
    <message>
        <location filename="../ui/config/configfilebar.cpp" line="+17"/>
        <source>Open...</source>
        <translation>Öffnen...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save As...</source>
        <translation>Speichern unter...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit a config file (nothing is applied until you press Apply)</source>
        <translation>Eine Konfigurationsdatei bearbeiten (nichts wird angewendet, bis Sie Anwenden drücken)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the YAML view to its file, exactly as shown</source>
        <translation>Die YAML-Ansicht genau wie angezeigt in ihre Datei schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the YAML view to another file</source>
        <translation>Die YAML-Ansicht in eine andere Datei schreiben</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>not saved to a file</source>
        <translation>nicht in einer Datei gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (edited)</source>
        <translation>%1 (geändert)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>YAML config (*.yml *.yaml);;All files (*)</source>
        <translation>YAML-Konfiguration (*.yml *.yaml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save config as</source>
        <translation>Konfiguration speichern unter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open config</source>
        <translation>Konfiguration öffnen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not open %1: %2. Choose another file.</source>
        <translation>%1 konnte nicht geöffnet werden: %2. Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened %1; the server still runs its own config until you press Apply.</source>
        <translation>%1 geöffnet; der Server läuft mit seiner eigenen Konfiguration, bis Sie Anwenden drücken.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved: %1: %2</source>
        <translation>Nicht gespeichert: %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not saved: %1 (%2). Choose another place with Save As.</source>
        <translation>Nicht gespeichert: %1 (%2). Wählen Sie mit Speichern unter einen anderen Ort.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved to %1. %2</source>
        <translation>Gespeichert in %1. %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsaved config</source>
        <translation>Ungespeicherte Konfiguration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The YAML view has edits that are not saved. Save them first?</source>
        <translation>Die YAML-Ansicht hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
</context>
<context>
    <name>mort::ConfigFormFields</name>
    <message>
        <location filename="../ui/config/configformfields.cpp" line="+26"/>
        <source>Listens</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public addresses, comma-separated: host:port, :port, [ipv6]:port or unix:/path</source>
        <translation>Öffentliche Adressen, durch Kommas getrennt: host:port, :port, [ipv6]:port oder unix:/pfad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal listener</source>
        <translation>Interne Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health, metrics and the admin API; keep it on a loopback address unless adminToken is set</source>
        <translation>Health, Metriken und die Admin-API; auf einer Loopback-Adresse lassen, außer adminToken ist gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log level</source>
        <translation>Log-Stufe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>prod logs warnings and errors, dev everything</source>
        <translation>prod protokolliert Warnungen und Fehler, dev alles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request timeout (s)</source>
        <translation>Anfrage-Timeout (s)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seconds a request may take; 0 = 60</source>
        <translation>Sekunden, die eine Anfrage dauern darf; 0 = 60</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock timeout (s)</source>
        <translation>Sperr-Timeout (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds one transform holds its lock; 0 = 30</source>
        <translation>Sekunden, die eine Transformation ihre Sperre hält; 0 = 30</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concurrent transforms</source>
        <translation>Gleichzeitige Transformationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transforms running at once; 0 = 100</source>
        <translation>Gleichzeitig laufende Transformationen; 0 = 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where responses are cached; a change needs a restart</source>
        <translation>Wo Antworten zwischengespeichert werden; eine Änderung braucht einen Neustart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache size (bytes)</source>
        <translation>Cache-Größe (Bytes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes of cached responses (memory cache); a change needs a restart</source>
        <translation>Bytes zwischengespeicherter Antworten (Speicher-Cache); eine Änderung braucht einen Neustart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache Redis</source>
        <translation>Cache-Redis</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Redis host:port, comma-separated (redis and redis-cluster)</source>
        <translation>Redis host:port, durch Kommas getrennt (redis und redis-cluster)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where transforms take their lock; a change needs a restart</source>
        <translation>Wo Transformationen ihre Sperre nehmen; eine Änderung braucht einen Neustart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock Redis</source>
        <translation>Sperr-Redis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access logs</source>
        <translation>Zugriffsprotokolle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log every request</source>
        <translation>Jede Anfrage protokollieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placeholder</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An image URL or file path served, transformed, when a transform fails (5xx)</source>
        <translation>URL oder Dateipfad eines Bildes, das (transformiert) ausgeliefert wird, wenn eine Transformation scheitert (5xx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle cleanup</source>
        <translation>Aufräumen im Leerlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free memory after the server has been idle for a while</source>
        <translation>Speicher freigeben, wenn der Server eine Weile untätig war</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle after (min)</source>
        <translation>Leerlauf nach (min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes without requests before the cleanup; 0 = 15, at least 5</source>
        <translation>Minuten ohne Anfragen vor dem Aufräumen; 0 = 15, mindestens 5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aggressive cleanup</source>
        <translation>Aggressives Aufräumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mort&apos;s aggressiveGC: accepted, no extra effect in this server</source>
        <translation>aggressiveGC von Mort: akzeptiert, in diesem Server ohne zusätzliche Wirkung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebP plugin</source>
        <translation>WebP-Plugin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer WebP to browsers that accept it (plugins.webp)</source>
        <translation>Browsern, die WebP akzeptieren, WebP ausliefern (plugins.webp)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compress: %1</source>
        <translation>Komprimierung: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compress responses with %1 for clients that accept it</source>
        <translation>Antworten mit %1 komprimieren, wenn der Client es akzeptiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 content types</source>
        <translation>%1: Inhaltstypen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts of Content-Type, comma-separated (image/svg, text/); empty = text/html</source>
        <translation>Teile von Content-Type, durch Kommas getrennt (image/svg, text/); leer = text/html</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 level</source>
        <translation>%1: Stufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The compression level; empty = 4</source>
        <translation>Die Kompressionsstufe; leer = 4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A limit of every request; buckets may set their own (empty = the default)</source>
        <translation>Ein Limit jeder Anfrage; Buckets können eigene setzen (leer = Standard)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Transform kind</source>
        <translation>Transformationsart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How a URL names its transform: query (?width=...), presets (a preset in the path) or both</source>
        <translation>Wie eine URL ihre Transformation angibt: query (?width=...), presets (ein Preset im Pfad) oder beides</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path regex</source>
        <translation>Pfad-Regex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matched against the URL&apos;s path after the bucket; named groups: presetName, parent (the original&apos;s key)</source>
        <translation>Wird mit dem Pfad der URL nach dem Bucket verglichen; benannte Gruppen: presetName, parent (der Schlüssel des Originals)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parent bucket</source>
        <translation>Übergeordneter Bucket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bucket holding the originals; empty = this one</source>
        <translation>Der Bucket mit den Originalen; leer = dieser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent storage</source>
        <translation>Übergeordneter Speicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The storage of the originals; empty = basic</source>
        <translation>Der Speicher der Originale; leer = basic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check parent</source>
        <translation>Original prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look the original up before answering a stored result (a deleted original answers 404)</source>
        <translation>Das Original prüfen, bevor ein gespeichertes Ergebnis ausgeliefert wird (ein gelöschtes Original ergibt 404)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result key</source>
        <translation>Ergebnisschlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key results are stored under: hash, hashParent (grouped under the original) or empty (the path; hashParent for the query kinds)</source>
        <translation>Der Schlüssel, unter dem Ergebnisse gespeichert werden: hash, hashParent (unter dem Original gruppiert) oder leer (der Pfad; hashParent für die query-Arten)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Path prefix</source>
        <translation>Pfad-Präfix</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Put in front of every key in this storage</source>
        <translation>Wird jedem Schlüssel in diesem Speicher vorangestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Root folder</source>
        <translation>Stammordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder holding the objects (created when missing)</source>
        <translation>Der Ordner mit den Objekten (wird angelegt, wenn er fehlt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The origin; the object&apos;s key replaces &lt;item&gt; in it (headers: in the YAML view)</source>
        <translation>Der Ursprung; der Schlüssel des Objekts ersetzt darin &lt;item&gt; (Header: in der YAML-Ansicht)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The S3 bucket&apos;s name</source>
        <translation>Der Name des S3-Buckets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For example eu-central-1</source>
        <translation>Zum Beispiel eu-central-1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty for AWS; the provider&apos;s URL for MinIO, B2, Google, Oracle</source>
        <translation>Leer für AWS; die URL des Anbieters für MinIO, B2, Google, Oracle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access key</source>
        <translation>Zugriffsschlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The key&apos;s identifier</source>
        <translation>Die Kennung des Schlüssels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving moves it to the system keychain; the file then refers to it as ${MORT_SECRET_...}</source>
        <translation>Beim Speichern wandert er in den Schlüsselbund des Systems; die Datei verweist dann als ${MORT_SECRET_...} darauf</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No kind set: type one (local-meta, local, http, s3, noop) in the YAML view.</source>
        <translation>Kein kind gesetzt: eines (local-meta, local, http, s3, noop) in der YAML-Ansicht eintragen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind %1 is Mort&apos;s but not built into this server: it loads, and requests to this storage answer 503. Use kind s3 with the provider&apos;s endpoint, or edit it in the YAML view.</source>
        <translation>Kind %1 stammt aus Mort, ist in diesen Server aber nicht eingebaut: die Konfiguration lädt, und Anfragen an diesen Speicher antworten 503. Kind s3 mit dem Endpunkt des Anbieters verwenden oder in der YAML-Ansicht bearbeiten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind noop keeps nothing: results are not stored.</source>
        <translation>Kind noop behält nichts: Ergebnisse werden nicht gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind %1. Keys without a field here stay as written; edit them in the YAML view.</source>
        <translation>Kind %1. Schlüssel ohne Feld hier bleiben wie geschrieben; in der YAML-Ansicht bearbeiten.</translation>
    </message>
</context>
<context>
    <name>mort::ConfigPanel</name>
    <message>
        <location filename="../ui/config/configpanel.cpp" line="+49"/>
        <source>Load running config</source>
        <translation>Laufende Konfiguration laden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apply...</source>
        <translation>Anwenden...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace the editor&apos;s text with the config the server runs now</source>
        <translation>Den Text im Editor durch die Konfiguration ersetzen, mit der der Server jetzt läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the change, then hot-reload it into the running server (no restart)</source>
        <translation>Die Änderung zeigen und dann im laufenden Server neu laden (ohne Neustart)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Right-click Presets or Storages to add one, a preset or storage to remove it</source>
        <translation>Rechtsklick auf Presets oder Speicher fügt einen hinzu, auf ein Preset oder einen Speicher entfernt ihn</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The config&apos;s YAML (Mort&apos;s format). Load the running config or type one.</source>
        <translation>Das YAML der Konfiguration (Morts Format). Laden Sie die laufende Konfiguration oder geben Sie eine ein.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Reading the running config...</source>
        <translation>Laufende Konfiguration wird gelesen...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not read the running config: %1. Check the connection, then press Load again.</source>
        <translation>Die laufende Konfiguration konnte nicht gelesen werden: %1. Prüfen Sie die Verbindung und drücken Sie erneut Laden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The running config.</source>
        <translation>Die laufende Konfiguration.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The running config, loaded from %1.</source>
        <translation>Die laufende Konfiguration, geladen aus %1.</translation>
    </message>
    <message>
        <location line="+49"/>
        <location filename="../ui/config/configpanelforms.cpp" line="+49"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header rules</source>
        <translation>Header-Regeln</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bucket %1</source>
        <translation>Bucket %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Presets</source>
        <translation>Presets</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Storages</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../ui/config/configpanelforms.cpp" line="-7"/>
        <source>No config yet: press Load running config, or type one in the YAML view.</source>
        <translation>Noch keine Konfiguration: Drücken Sie „Laufende Konfiguration laden“ oder geben Sie eine in der YAML-Ansicht ein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keys without a field here (trustedProxies, adminToken, cache.clientConfig, ...) stay as written; edit them in the YAML view. Header rules have their own page.</source>
        <translation>Schlüssel ohne Feld hier (trustedProxies, adminToken, cache.clientConfig, ...) bleiben, wie sie sind; bearbeiten Sie sie in der YAML-Ansicht. Header-Regeln haben eine eigene Seite.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Storage %1 of bucket %2</source>
        <translation>Speicher %1 von Bucket %2</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Not changed: %1. Fix the YAML view first, or undo there.</source>
        <translation>Nicht geändert: %1. Korrigieren Sie zuerst die YAML-Ansicht oder machen Sie die Änderung dort rückgängig.</translation>
    </message>
    <message>
        <location filename="../ui/config/configpanel.cpp" line="+61"/>
        <source>The server could not check the config: %1</source>
        <translation>Der Server konnte die Konfiguration nicht prüfen: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 problem: fix it before applying (it names its key).</source>
        <translation>1 Problem: Beheben Sie es vor dem Anwenden (es nennt seinen Schlüssel).</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n problems: fix them before applying (each names its key).</source>
        <translation>
            <numerusform>%n Problem: Beheben Sie es vor dem Anwenden (es nennt seinen Schlüssel).</numerusform>
            <numerusform>%n Probleme: Beheben Sie sie vor dem Anwenden (jedes nennt seinen Schlüssel).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Valid, but %1 change only with a restart: Apply refuses them.</source>
        <translation>Gültig, aber %1 ändern sich nur mit einem Neustart: Anwenden lehnt sie ab.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid; the server runs this config.</source>
        <translation>Gültig; der Server läuft mit dieser Konfiguration.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid; press Apply to run it.</source>
        <translation>Gültig; drücken Sie Anwenden, um sie zu übernehmen.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Applying...</source>
        <translation>Wird angewendet...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not applied: the server could not be asked (%1). Check the connection and apply again.</source>
        <translation>Nicht angewendet: Der Server war nicht erreichbar (%1). Prüfen Sie die Verbindung und wenden Sie erneut an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Applied: the server runs the new config now (no restart).</source>
        <translation>Angewendet: Der Server läuft jetzt mit der neuen Konfiguration (ohne Neustart).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not applied: %1. Fix it and apply again.</source>
        <translation>Nicht angewendet: %1. Korrigieren Sie es und wenden Sie erneut an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not applied: cache and lock settings change only with a restart. Save the file and restart the server, or undo that change.</source>
        <translation>Nicht angewendet: Cache- und Lock-Einstellungen ändern sich nur mit einem Neustart. Speichern Sie die Datei und starten Sie den Server neu oder machen Sie die Änderung rückgängig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not applied: %1 change only with a restart. Save the file and restart the server, or undo that change.</source>
        <translation>Nicht angewendet: %1 ändern sich nur mit einem Neustart. Speichern Sie die Datei und starten Sie den Server neu oder machen Sie die Änderung rückgängig.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <location filename="../ui/config/configpanelentries.cpp" line="+35"/>
        <source>Not added: a preset needs a name without dots.</source>
        <translation>Nicht hinzugefügt: Ein Preset braucht einen Namen ohne Punkte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not added: bucket %1 has a preset %2 already.</source>
        <translation>Nicht hinzugefügt: Bucket %1 hat bereits ein Preset %2.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not added: a storage needs a name without dots.</source>
        <translation>Nicht hinzugefügt: Ein Speicher braucht einen Namen ohne Punkte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not added: bucket %1 has a storage %2 already.</source>
        <translation>Nicht hinzugefügt: Bucket %1 hat bereits einen Speicher %2.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add preset...</source>
        <translation>Preset hinzufügen...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add preset</source>
        <translation>Preset hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new preset:</source>
        <translation>Name des neuen Presets:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove preset %1</source>
        <translation>Preset %1 entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add storage...</source>
        <translation>Speicher hinzufügen...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add storage</source>
        <translation>Speicher hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new storage:</source>
        <translation>Name des neuen Speichers:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove storage %1</source>
        <translation>Speicher %1 entfernen</translation>
    </message>
</context>
<context>
    <name>mort::ConfigSecretKeeper</name>
    <message>
        <location filename="../ui/config/configsecretkeeper.cpp" line="+31"/>
        <location line="+3"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The config holds secrets (%1). Mort Studio keeps them out of the file, in the system keychain, but the keychain cannot be used: %2.

Write them to %3 instead, readable only by you, and refer to them from the config? mort-server reads them from its environment: run `set -a; . %3; set +a` before starting it, or put EnvironmentFile=%3 in its systemd unit.

Cancel saves nothing. Start a keychain (a Secret Service such as GNOME Keyring or KWallet) and save again, or write ${VARIABLE} references in the YAML view yourself.</source>
        <translation>Die Konfiguration enthält Geheimnisse (%1). Mort Studio hält sie aus der Datei heraus, im Schlüsselbund des Systems, aber der Schlüsselbund ist nicht nutzbar: %2.

Stattdessen in %3 schreiben, nur für Sie lesbar, und in der Konfiguration darauf verweisen? mort-server liest sie aus seiner Umgebung: vor dem Start `set -a; . %3; set +a` ausführen oder EnvironmentFile=%3 in seine systemd-Unit eintragen.

Abbrechen speichert nichts. Starten Sie einen Schlüsselbund (einen Secret Service wie GNOME Keyring oder KWallet) und speichern Sie erneut, oder schreiben Sie ${VARIABLE}-Verweise selbst in die YAML-Ansicht.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No keychain for the config&apos;s secrets</source>
        <translation>Kein Schlüsselbund für die Geheimnisse der Konfiguration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write .env file</source>
        <translation>.env-Datei schreiben</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Secrets kept in the system keychain (%1); the file refers to them. mort-server reads them from its environment: export them before starting it.</source>
        <translation>Geheimnisse im Schlüsselbund des Systems abgelegt (%1); die Datei verweist darauf. mort-server liest sie aus seiner Umgebung: vor dem Start exportieren.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved: the keychain cannot be used (%1) and no .env file was chosen.</source>
        <translation>Nicht gespeichert: Der Schlüsselbund ist nicht nutzbar (%1), und keine .env-Datei wurde gewählt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain cannot be used; the secrets went to %1 (mode 0600). Start mort-server with `set -a; . %1; set +a` or EnvironmentFile=%1.</source>
        <translation>Der Schlüsselbund ist nicht nutzbar; die Geheimnisse stehen in %1 (Modus 0600). mort-server mit `set -a; . %1; set +a` oder EnvironmentFile=%1 starten.</translation>
    </message>
</context>
<context>
    <name>mort::ConfigSecretStore</name>
    <message>
        <location filename="../ui/config/configsecretstore.cpp" line="+21"/>
        <source>the keychain did not answer within %1 seconds</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 Sekunden geantwortet</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1 is not set and the keychain could not be read (%2); the engine sees it empty. Export it before starting the studio.</source>
        <translation>%1 ist nicht gesetzt und der Schlüsselbund ließ sich nicht lesen (%2); die Engine sieht sie leer. Vor dem Start des Studios exportieren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is neither set nor in the keychain; the engine sees it empty. Save the config from the Config tab with the secret typed in, or export the variable.</source>
        <translation>%1 ist weder gesetzt noch im Schlüsselbund; die Engine sieht sie leer. Die Konfiguration im Tab Konfiguration mit eingetipptem Geheimnis speichern oder die Variable exportieren.</translation>
    </message>
</context>
<context>
    <name>mort::ContactSheetDialog</name>
    <message>
        <location filename="../ui/preview/contactsheetdialog.cpp" line="+14"/>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact sheet</source>
        <translation>Kontaktbogen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This bucket has no presets.</source>
        <translation>Dieser Bucket hat keine Presets.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 preset rendered by the server&apos;s pipeline.</source>
        <translation>1 Preset, gerendert von der Pipeline des Servers.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n presets rendered by the server&apos;s pipeline.</source>
        <translation>
            <numerusform>%n Preset, gerendert von der Pipeline des Servers.</numerusform>
            <numerusform>%n Presets, gerendert von der Pipeline des Servers.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 — every preset of bucket %2</source>
        <translation>%1 — alle Presets von Bucket %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rendering…</source>
        <translation>Wird gerendert…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not write %1: check the folder exists and is writable.</source>
        <translation>%1 konnte nicht geschrieben werden: Prüfen, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save contact sheet</source>
        <translation>Kontaktbogen speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
</context>
<context>
    <name>mort::ContactSheetRenderer</name>
    <message>
        <location filename="../ui/preview/contactsheet.cpp" line="-88"/>
        <source>no engine to render with</source>
        <translation>keine Engine zum Rendern</translation>
    </message>
</context>
<context>
    <name>mort::DashboardPanel</name>
    <message>
        <location filename="../ui/dashboard/dashboardpanel.cpp" line="+53"/>
        <location line="+155"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Export snapshot…</source>
        <translation>Schnappschuss exportieren…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last minute</source>
        <translation>Letzte Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How much history the charts keep and show (one sample per second)</source>
        <translation>Wie viel Verlauf die Diagramme behalten und zeigen (ein Messpunkt pro Sekunde)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Freeze the charts; samples are not recorded while paused (Ctrl+P)</source>
        <translation>Diagramme anhalten; währenddessen werden keine Messpunkte aufgezeichnet (Strg+P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the charts as PNG and the samples as JSON</source>
        <translation>Diagramme als PNG und Messpunkte als JSON speichern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Window:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>resident (RSS)</source>
        <translation>resident (RSS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>libvips</source>
        <translation>libvips</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>studio (RSS)</source>
        <translation>Studio (RSS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live tasks by kind</source>
        <translation>Aktive Aufgaben nach Art</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per second / in flight</source>
        <translation>pro Sekunde / in Arbeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transforms in flight</source>
        <translation>Transformationen in Arbeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>throttled/s</source>
        <translation>gedrosselt/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response cache</source>
        <translation>Antwort-Cache</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hit ratio</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cached bytes</source>
        <translation>Bytes im Cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hit ratio since start</source>
        <translation>Trefferquote seit Start</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 (%2 live, idle baseline %3)</source>
        <translation>%1 (%2 aktiv, Ruhewert %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ Possible leak: no request has been in flight for %1 s, yet these task kinds are still alive: %2. A task that outlives its request is what a leak looks like.</source>
        <translation>⚠ Mögliches Leck: seit %1 s ist keine Anfrage in Arbeit, doch diese Aufgabenarten leben noch: %2. Eine Aufgabe, die ihre Anfrage überlebt, ist genau das Bild eines Lecks.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Paused — new samples are not recorded</source>
        <translation>Angehalten — neue Messpunkte werden nicht aufgezeichnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 sample</source>
        <translation>1 Messpunkt</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n samples</source>
        <translation>
            <numerusform>%n Messpunkt</numerusform>
            <numerusform>%n Messpunkte</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · %1 req/s · %2 resident</source>
        <translation> · %1 Anfr./s · %2 resident</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · studio %1</source>
        <translation> · Studio %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export dashboard snapshot</source>
        <translation>Übersicht als Schnappschuss exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose another folder.</source>
        <translation>Einen anderen Ordner wählen.</translation>
    </message>
</context>
<context>
    <name>mort::EngineClient</name>
    <message>
        <location filename="../app/client/engineclient.cpp" line="+9"/>
        <source>the studio cannot send requests to this server; open %1 in a browser</source>
        <translation>das Studio kann diesem Server keine Anfragen senden; %1 im Browser öffnen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>mort::HeaderRulesPage</name>
    <message>
        <location filename="../ui/config/headerrulespage.cpp" line="+39"/>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A new rule at the end (status 200)</source>
        <translation>Eine neue Regel am Ende (Status 200)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected rule</source>
        <translation>Die ausgewählte Regel entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check the selected rule earlier</source>
        <translation>Die ausgewählte Regel früher prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check the selected rule later</source>
        <translation>Die ausgewählte Regel später prüfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A new header of this rule</source>
        <translation>Ein neuer Header dieser Regel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove header</source>
        <translation>Header entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected header of this rule</source>
        <translation>Den ausgewählten Header dieser Regel entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Header rules</source>
        <translation>Header-Regeln</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Headers added to responses. The first rule whose status codes match a response applies; without override it sets only headers the response lacks.</source>
        <translation>Header, die Antworten hinzugefügt werden. Es gilt die erste Regel, deren Statuscodes zur Antwort passen; ohne Überschreiben setzt sie nur Header, die der Antwort fehlen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Status codes of the responses this rule applies to, comma-separated</source>
        <translation>Statuscodes der Antworten, für die diese Regel gilt, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace headers the response already has (off: add only missing ones)</source>
        <translation>Header ersetzen, die die Antwort schon hat (aus: nur fehlende hinzufügen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Status codes</source>
        <translation>Statuscodes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>no status codes</source>
        <translation>keine Statuscodes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no headers</source>
        <translation>keine Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1. %2: %3 (override)</source>
        <translation>%1. %2: %3 (überschreibt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1. %2: %3</source>
        <translation>%1. %2: %3</translation>
    </message>
</context>
<context>
    <name>mort::KeyFieldsForm</name>
    <message>
        <location filename="../ui/config/keyfieldsform.cpp" line="+136"/>
        <location line="+4"/>
        <source>not set (the default)</source>
        <translation>nicht gesetzt (Standard)</translation>
    </message>
</context>
<context>
    <name>mort::LocalEngineClient</name>
    <message>
        <location filename="../app/client/localengineclient.cpp" line="+83"/>
        <source>Embedded server (%1)</source>
        <translation>Eingebetteter Server (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The embedded server could not start: %1
Free the port or change &quot;listens&quot; in %2, then restart.</source>
        <translation>Der eingebettete Server konnte nicht starten: %1
Den Port freigeben oder „listens“ in %2 ändern, dann neu starten.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Cannot list the cache: %1</source>
        <translation>Der Cache kann nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot evict %1: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot show %1: %2</source>
        <translation>%1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot clear the cache: %1</source>
        <translation>Der Cache kann nicht geleert werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the embedded server has no TCP listener; add one to &quot;listens&quot; in %1</source>
        <translation>der eingebettete Server hat keinen TCP-Listener; einen zu „listens“ in %1 hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the embedded server is stopped; start it on the Status tab</source>
        <translation>der eingebettete Server ist gestoppt; ihn im Tab Status starten</translation>
    </message>
    <message>
        <location filename="../app/client/localstudiocalls.cpp" line="+87"/>
        <source>Saving needs a config file the studio may write: start it with --config FILE</source>
        <translation>Speichern braucht eine Konfigurationsdatei, die das Studio schreiben darf: mit --config DATEI starten</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The preset was not saved</source>
        <translation>Das Preset wurde nicht gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved, but the running server did not take the new config</source>
        <translation>Gespeichert, aber der laufende Server hat die neue Konfiguration nicht übernommen</translation>
    </message>
</context>
<context>
    <name>mort::LogModel</name>
    <message>
        <location filename="../ui/activity/logmodel.cpp" line="+99"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>mort::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+36"/>
        <source>Mort Studio — %1</source>
        <translation>Mort Studio — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dashboard</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cache</source>
        <translation>&amp;Cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivität</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start server</source>
        <translation>Server &amp;starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top server</source>
        <translation>Server s&amp;toppen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Attach to running server…</source>
        <translation>Mit laufendem Server &amp;verbinden…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pause dashboard</source>
        <translation>Übersicht an&amp;halten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Find in log</source>
        <translation>Im Protokoll &amp;suchen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Mort Studio</source>
        <translation>&amp;Über Mort Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Mort Studio</source>
        <translation>Über Mort Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Mort Studio %1&lt;/b&gt;&lt;p&gt;A memory-safe image server compatible with Mort, and the desktop studio to run and diagnose it.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Mort Studio %1&lt;/b&gt;&lt;p&gt;Ein speichersicherer, Mort-kompatibler Bildserver und das Desktop-Studio, um ihn zu betreiben und zu untersuchen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Image</source>
        <translation>B&amp;ild</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Con&amp;fig</source>
        <translation>&amp;Konfiguration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Server running</source>
        <translation>Server läuft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server stopped</source>
        <translation>Server gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attached to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected to %1</source>
        <translation>Nicht verbunden mit %1</translation>
    </message>
</context>
<context>
    <name>mort::PresetFieldsForm</name>
    <message>
        <location filename="../ui/config/presetfieldsform.cpp" line="+52"/>
        <source>Remove operation</source>
        <translation>Operation entfernen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>encoder default</source>
        <translation>Standard des Encoders</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 to 100; lower is smaller and blurrier</source>
        <translation>1 bis 100; niedriger ist kleiner und unschärfer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keep the original&apos;s</source>
        <translation>wie im Original</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The format the preset answers in</source>
        <translation>Das Format, in dem das Preset antwortet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the order the engine applies them to the image; the order of the keys in the YAML does not change it.</source>
        <translation>In der Reihenfolge, in der die Engine sie auf das Bild anwendet; die Reihenfolge der Schlüssel im YAML ändert sie nicht.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No operation: the preset re-encodes the original at its size. Add one below.</source>
        <translation>Keine Operation: Das Preset kodiert das Original in seiner Größe neu. Fügen Sie unten eine hinzu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add operation</source>
        <translation>Operation hinzufügen</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Every request for this preset answers 400 now: %1. Fix it below.</source>
        <translation>Jede Anfrage an dieses Preset antwortet jetzt mit 400: %1. Korrigieren Sie es unten.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+37"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>%1. %2: %3</source>
        <translation>%1. %2: %3</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>It has no fields: remove it to turn it off.</source>
        <translation>Sie hat keine Felder: Entfernen Sie sie, um sie auszuschalten.</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Preset %1 of bucket %2</source>
        <translation>Preset %1 von Bucket %2</translation>
    </message>
</context>
<context>
    <name>mort::PresetOperationFields</name>
    <message>
        <location filename="../ui/config/presetoperationfields.cpp" line="+41"/>
        <source>Pixels; empty or 0 = follow the other side, keeping the aspect ratio</source>
        <translation>Pixel; leer oder 0 = nach der anderen Seite, Seitenverhältnis bleibt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turns the image clockwise before it is resized, so sizes refer to the turned image. Without it the EXIF orientation is applied.</source>
        <translation>Dreht das Bild im Uhrzeigersinn, bevor seine Größe geändert wird; Größen beziehen sich also auf das gedrehte Bild. Ohne sie gilt die EXIF-Ausrichtung.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Angle</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>90, 180 or 270 degrees clockwise; other values are ignored</source>
        <translation>90, 180 oder 270 Grad im Uhrzeigersinn; andere Werte werden ignoriert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thumbnail</source>
        <translation>Vorschaubild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shrinks the image to fit the size, keeping the aspect ratio.</source>
        <translation>Verkleinert das Bild auf die Größe, das Seitenverhältnis bleibt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <location line="+14"/>
        <location line="+39"/>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+13"/>
        <location line="+15"/>
        <location line="+38"/>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+15"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+15"/>
        <source>outbound: also enlarges images smaller than the size</source>
        <translation>outbound: vergrößert auch Bilder, die kleiner als die Größe sind</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Preserve aspect ratio</source>
        <translation>Seitenverhältnis beibehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeps the aspect ratio when both width and height are set</source>
        <translation>Behält das Seitenverhältnis bei, wenn Breite und Höhe gesetzt sind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill</source>
        <translation>Füllen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With width and height: first cuts the centre to their aspect ratio, then resizes to exactly that size</source>
        <translation>Mit Breite und Höhe: schneidet zuerst die Mitte in deren Seitenverhältnis aus, dann genau auf diese Größe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Crop</source>
        <translation>Zuschneiden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resizes to cover the size, then cuts it out at the gravity.</source>
        <translation>Skaliert, bis die Größe bedeckt ist, und schneidet sie dann am Ankerpunkt aus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>Pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Gravity</source>
        <translation>Ankerpunkt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where to cut; smart finds the most interesting part</source>
        <translation>Wo geschnitten wird; smart findet den interessantesten Teil</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Embed</source>
        <translation>Einbetten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Places the image on a canvas of the size instead of cutting</source>
        <translation>Setzt das Bild auf eine Fläche dieser Größe, statt zu schneiden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Extract</source>
        <translation>Ausschnitt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cuts out an area of the resized image. Has no effect while Crop is on: the engine applies the first of crop, embed and extract.</source>
        <translation>Schneidet einen Bereich des skalierten Bildes aus. Wirkungslos, solange Zuschneiden an ist: Die Engine wendet das erste von crop, embed und extract an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top</source>
        <translation>Oben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pixels from the top edge</source>
        <translation>Pixel vom oberen Rand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pixels from the left edge</source>
        <translation>Pixel vom linken Rand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels; 0 = the resize width</source>
        <translation>Pixel; 0 = die Breite nach dem Skalieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels; 0 = the resize height</source>
        <translation>Pixel; 0 = die Höhe nach dem Skalieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Blur</source>
        <translation>Weichzeichnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaussian blur of the resized image.</source>
        <translation>Gaußscher Weichzeichner auf dem skalierten Bild.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sigma</source>
        <translation>Sigma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Strength, above 0 (2 is soft, 20 is strong)</source>
        <translation>Stärke, über 0 (2 ist leicht, 20 ist stark)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum amplitude</source>
        <translation>Minimale Amplitude</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accuracy of the blur mask; 0 = the default</source>
        <translation>Genauigkeit der Weichzeichnermaske; 0 = Standard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watermark</source>
        <translation>Wasserzeichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draws an image over the result. The image is read on every transform: a local path on the server, or an http(s) URL.</source>
        <translation>Zeichnet ein Bild über das Ergebnis. Das Bild wird bei jeder Transformation gelesen: ein lokaler Pfad auf dem Server oder eine http(s)-URL.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A file path on the server or an http(s) URL</source>
        <translation>Ein Dateipfad auf dem Server oder eine http(s)-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vertical-horizontal, e.g. bottom-right</source>
        <translation>vertikal-horizontal, z. B. bottom-right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>0 to 1; 0 = fully opaque, as Mort</source>
        <translation>0 bis 1; 0 = voll deckend, wie Mort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Grayscale</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saves the result in shades of grey.</source>
        <translation>Speichert das Ergebnis in Graustufen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interlace</source>
        <translation>Zeilensprung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progressive JPEG, interlaced PNG: a blurry whole image shows first while loading.</source>
        <translation>Progressives JPEG, PNG mit Zeilensprung: Beim Laden erscheint zuerst das ganze Bild unscharf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Strip metadata</source>
        <translation>Metadaten entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaves EXIF, XMP and ICC metadata out of the result: smaller files.</source>
        <translation>Lässt EXIF-, XMP- und ICC-Metadaten im Ergebnis weg: kleinere Dateien.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Auto crop</source>
        <translation>Automatisch zuschneiden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra passes after the resize (before it when the resize fits inside the cut): cuts the largest area of the aspect ratio, biased to the top, then crops to the size. The quality, interlace and strip settings do not survive these passes (as Mort).</source>
        <translation>Zusätzliche Durchgänge nach dem Skalieren (davor, wenn die Größe in den Ausschnitt passt): schneidet den größten Bereich des Seitenverhältnisses aus, nach oben verschoben, und dann auf die Größe zu. Qualität, Zeilensprung und Metadaten-Entfernung überstehen diese Durchgänge nicht (wie Mort).</translation>
    </message>
</context>
<context>
    <name>mort::PreviewController</name>
    <message>
        <location filename="../ui/preview/previewcontroller.cpp" line="+20"/>
        <source>Open a JPEG, PNG, WebP, GIF, TIFF, AVIF or HEIF image.</source>
        <translation>Ein JPEG-, PNG-, WebP-, GIF-, TIFF-, AVIF- oder HEIF-Bild öffnen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open a smaller image or ask for a smaller output.</source>
        <translation>Ein kleineres Bild öffnen oder eine kleinere Ausgabe anfordern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the parameters or the preset.</source>
        <translation>Parameter oder Preset prüfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try other parameters, or open the image again.</source>
        <translation>Andere Parameter versuchen oder das Bild erneut öffnen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server refused it</source>
        <translation>der Server hat abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 %3). %4</source>
        <translation>%1 (%2 %3). %4</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>This file is not an image the server reads. %1</source>
        <translation>Diese Datei ist kein Bild, das der Server lesen kann. %1</translation>
    </message>
</context>
<context>
    <name>mort::PreviewForm</name>
    <message>
        <location filename="../ui/preview/previewform.cpp" line="+31"/>
        <source>keep the input&apos;s</source>
        <translation>wie die Eingabe</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Operations (in order; drag to reorder)</source>
        <translation>Operationen (in Reihenfolge; zum Umordnen ziehen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None checked: width/height resize the image (the query&apos;s implicit resize)</source>
        <translation>Nichts gewählt: Breite/Höhe skalieren das Bild (das implizite resize der Abfrage)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>key in the bucket, e.g. logo.png</source>
        <translation>Schlüssel im Bucket, z. B. logo.png</translation>
    </message>
</context>
<context>
    <name>mort::PreviewPanel</name>
    <message>
        <location filename="../ui/preview/previewpanel.cpp" line="+72"/>
        <source>Preset %1: %2 · %3 × %4 · %5</source>
        <translation>Preset %1: %2 · %3 × %4 · %5</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preset %1 failed: %2</source>
        <translation>Preset %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Before: %1 × %2, %3</source>
        <translation>Vorher: %1 × %2, %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rendering…</source>
        <translation>Wird gerendert…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open image…</source>
        <translation>Bild öffnen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open an image from disk (Ctrl+O); the arrow lists recent ones</source>
        <translation>Ein Bild von der Festplatte öffnen (Strg+O); der Pfeil zeigt die letzten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No image: open one or drop it here</source>
        <translation>Kein Bild: eines öffnen oder hier ablegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bucket whose presets, limits and watermark storage are used</source>
        <translation>Bucket, dessen Presets, Grenzen und Wasserzeichen-Speicher verwendet werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A preset of the bucket, or your own query parameters</source>
        <translation>Ein Preset des Buckets oder eigene Abfrageparameter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the left side shows: the original, or another preset on the same image</source>
        <translation>Was die linke Seite zeigt: das Original oder ein anderes Preset auf demselben Bild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toggle</source>
        <translation>Umschalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side by side, one frame split by a divider, or one frame flipped by a click; every view zooms and pans together</source>
        <translation>Nebeneinander, ein Rahmen mit Trennlinie oder ein Rahmen, der per Klick wechselt; alle Ansichten zoomen und verschieben sich gemeinsam</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bucket:</source>
        <translation>Bucket:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preset:</source>
        <translation>Preset:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left:</source>
        <translation>Links:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>View:</source>
        <translation>Ansicht:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom:</source>
        <translation>Zoom:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Copy URL</source>
        <translation>URL kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/preview/previewpanelactions.cpp" line="+46"/>
        <source>Copy the server&apos;s URL that returns this image</source>
        <translation>Die Server-URL kopieren, die dieses Bild liefert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy YAML</source>
        <translation>YAML kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy a presets: entry for the bucket&apos;s transform section</source>
        <translation>Einen presets:-Eintrag für den transform-Abschnitt des Buckets kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact sheet…</source>
        <translation>Kontaktbogen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/preview/previewpanelactions.cpp" line="+2"/>
        <source>Every preset of the bucket on this image, side by side; exportable as PNG</source>
        <translation>Alle Presets des Buckets auf diesem Bild nebeneinander; als PNG exportierbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as preset…</source>
        <translation>Als Preset speichern…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 %2 px is more than the server renders: bucket %3 allows at most %4 px per side (limits.maxOutputDimension). Enter %4 or less, or raise the limit in the config.</source>
        <translation>%1 %2 px ist mehr, als der Server rendert: Bucket %3 erlaubt höchstens %4 px pro Seite (limits.maxOutputDimension). %4 oder weniger eingeben oder die Grenze in der Konfiguration erhöhen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+31"/>
        <location line="+94"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Preset %1</source>
        <translation>Preset %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+94"/>
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Custom (query parameters)</source>
        <translation>Eigene Parameter</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This preset also uses %1, which query parameters cannot express: editing the form renders without them.</source>
        <translation>Dieses Preset nutzt auch %1, was Abfrageparameter nicht ausdrücken können: Änderungen im Formular rendern ohne sie.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 · %2 × %3 · %4 bytes · %5% of the source · %6 ms</source>
        <translation>%1 · %2 × %3 · %4 Bytes · %5 % der Quelle · %6 ms</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No result (see below).</source>
        <translation>Kein Ergebnis (siehe unten).</translation>
    </message>
    <message>
        <location filename="../ui/preview/previewpanelactions.cpp" line="-19"/>
        <source>&amp;Open image…</source>
        <translation>Bild ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open image from &amp;bucket…</source>
        <translation>Bild aus &amp;Bucket öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as preset…</source>
        <translation>Als Preset &amp;speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;URL</source>
        <translation>&amp;URL kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contact sheet…</source>
        <translation>&amp;Kontaktbogen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open an image first (Ctrl+O)</source>
        <translation>Zuerst ein Bild öffnen (Strg+O)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No image open: open one (Ctrl+O), pick one from the bucket or drop it here.</source>
        <translation>Kein Bild offen: eines öffnen (Strg+O), aus dem Bucket wählen oder hier ablegen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open an image first: the contact sheet applies every preset to it.</source>
        <translation>Zuerst ein Bild öffnen: Der Kontaktbogen wendet jedes Preset darauf an.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No URL for this preset: the bucket&apos;s transform.path does not use /bucket/&lt;preset&gt;/&lt;key&gt; or /bucket/&lt;key&gt;/&lt;preset&gt;.</source>
        <translation>Keine URL für dieses Preset: transform.path des Buckets verwendet weder /bucket/&lt;preset&gt;/&lt;key&gt; noch /bucket/&lt;key&gt;/&lt;preset&gt;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copied %1 to the clipboard. The server answers it once %2 is stored in bucket %3.</source>
        <translation>%1 in die Zwischenablage kopiert. Der Server beantwortet es, sobald %2 in Bucket %3 liegt.</translation>
    </message>
    <message>
        <location filename="../ui/preview/previewpanelopen.cpp" line="+39"/>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is larger than %2</source>
        <translation>%1 ist größer als %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot read the server&apos;s config: %1. Press F5 or reattach to try again.</source>
        <translation>Die Konfiguration des Servers kann nicht gelesen werden: %1. F5 drücken oder neu verbinden, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+19"/>
        <source>bucket %1: %2</source>
        <translation>Bucket %1: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No recent images</source>
        <translation>Keine zuletzt geöffneten Bilder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open from bucket…</source>
        <translation>Aus Bucket öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An image stored in the current bucket</source>
        <translation>Ein Bild aus dem aktuellen Bucket</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.avif *.heic);;All files (*)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.avif *.heic);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/preview/previewpanelsave.cpp" line="+35"/>
        <source>Saving needs a config file: start the studio with --config FILE</source>
        <translation>Speichern braucht eine Konfigurationsdatei: das Studio mit --config DATEI starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This bucket&apos;s transform kind &quot;%1&quot; has no presets; pick a bucket of kind presets or presets-query</source>
        <translation>Die Transformationsart „%1“ dieses Buckets hat keine Presets; einen Bucket der Art presets oder presets-query wählen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save these settings as a preset of bucket %1 in %2 (Ctrl+S)</source>
        <translation>Diese Einstellungen als Preset von Bucket %1 in %2 speichern (Strg+S)</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+3"/>
        <location line="+10"/>
        <location line="+56"/>
        <location line="+69"/>
        <source>The preset was not saved</source>
        <translation>Das Preset wurde nicht gespeichert</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>bucket %1 has no presets</source>
        <translation>Bucket %1 hat keine Presets</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+80"/>
        <source>nothing to save: pick a preset or set some parameters</source>
        <translation>nichts zu speichern: ein Preset wählen oder Parameter setzen</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>these settings do not make a preset the server reads</source>
        <translation>aus diesen Einstellungen entsteht kein Preset, das der Server liest</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Preset &quot;%1&quot; was not saved: %2.</source>
        <translation>Preset „%1“ wurde nicht gespeichert: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving preset &quot;%1&quot; on %2…</source>
        <translation>Preset „%1“ wird auf %2 gespeichert…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preset &quot;%1&quot; was not saved on %2: %3 %4 Check the parameters, or the server&apos;s log.</source>
        <translation>Preset „%1“ wurde auf %2 nicht gespeichert: %3 %4 Parameter oder das Protokoll des Servers prüfen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>It is in the server&apos;s running config only: the server may not write its config file, so add the preset there to keep it after a restart.</source>
        <translation>Es ist nur in der laufenden Konfiguration des Servers: Der Server darf seine Konfigurationsdatei nicht schreiben, also das Preset dort eintragen, damit es einen Neustart übersteht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server also wrote it to %1 (the old file is %1.bak).</source>
        <translation>Der Server hat es auch in %1 geschrieben (die alte Datei ist %1.bak).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved preset &quot;%1&quot; on %2: it serves %3. %4</source>
        <translation>Preset „%1“ auf %2 gespeichert: er liefert %3. %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no config file: start the studio with --config FILE</source>
        <translation>keine Konfigurationsdatei: das Studio mit --config DATEI starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the preset needs a name without &apos;/&apos;, e.g. thumb_small</source>
        <translation>das Preset braucht einen Namen ohne &apos;/&apos;, z. B. thumb_small</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>nothing to save: these settings change nothing; pick a preset or check an operation</source>
        <translation>nichts zu speichern: diese Einstellungen ändern nichts; ein Preset wählen oder eine Operation ankreuzen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>no URL of bucket %1 reaches a preset named &quot;%2&quot;; its transform.path %3 decides which names work</source>
        <translation>keine URL von Bucket %1 erreicht ein Preset namens „%2“; sein transform.path %3 bestimmt, welche Namen gehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no URL of bucket %1 reaches a preset named &quot;%2&quot;: its transform.path admits preset names matching %3 only</source>
        <translation>keine URL von Bucket %1 erreicht ein Preset namens „%2“: sein transform.path lässt nur Namen zu, die zu %3 passen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>; %1 would work</source>
        <translation>; %1 ginge</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved, but the running server did not take the new config</source>
        <translation>Gespeichert, aber der laufende Server hat die neue Konfiguration nicht übernommen</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Save as preset</source>
        <translation>Als Preset speichern</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Results of the old preset already in the transform storage are still served until you delete them.</source>
        <translation>Ergebnisse des alten Presets, die schon im Transformationsspeicher liegen, werden weiter ausgeliefert, bis sie gelöscht werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file was rewritten: its comments were not kept (the old file is %1.bak).</source>
        <translation>Die Datei wurde neu geschrieben: ihre Kommentare blieben nicht erhalten (die alte Datei ist %1.bak).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved preset &quot;%1&quot; to %2; its URL is %3.</source>
        <translation>Preset „%1“ in %2 gespeichert; seine URL ist %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved preset &quot;%1&quot; to %2; asking the embedded server for %3…</source>
        <translation>Preset „%1“ in %2 gespeichert; der eingebettete Server wird nach %3 gefragt…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved preset &quot;%1&quot; to %2.</source>
        <translation>Preset „%1“ in %2 gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whether the embedded server serves it is unknown: %1. Open %2 to check.</source>
        <translation>Ob der eingebettete Server es ausliefert, ist unbekannt: %1. %2 öffnen, um es zu prüfen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>But the embedded server does not serve it: GET %1 answered %2 without the preset. Restart the studio to load %3, and check transform.path of bucket %4.</source>
        <translation>Aber der eingebettete Server liefert es nicht aus: GET %1 antwortete %2 ohne das Preset. Das Studio neu starten, um %3 zu laden, und transform.path von Bucket %4 prüfen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The embedded server serves it: GET %1 answered 200, and mort-server -config %2 serves it too.</source>
        <translation>Der eingebettete Server liefert es aus: GET %1 antwortete 200, und mort-server -config %2 liefert es ebenfalls.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The embedded server serves it: GET %1 reached the preset, and answered 404 only because %2 is not in bucket %3 (upload it there to see the result).</source>
        <translation>Der eingebettete Server liefert es aus: GET %1 erreichte das Preset und antwortete nur 404, weil %2 nicht in Bucket %3 liegt (dort hochladen, um das Ergebnis zu sehen).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The embedded server reached the preset at %1 but answered %2: open that URL to see why.</source>
        <translation>Der eingebettete Server erreichte das Preset unter %1, antwortete aber %2: diese URL öffnen, um den Grund zu sehen.</translation>
    </message>
</context>
<context>
    <name>mort::RemoteEngineClient</name>
    <message>
        <location filename="../app/client/remoteengineclient.cpp" line="+281"/>
        <source>The server refused the token (401): check MORT_ADMIN_TOKEN or the saved token.</source>
        <translation>Der Server hat das Token abgelehnt (401): MORT_ADMIN_TOKEN oder das gespeicherte Token prüfen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no answer in time</source>
        <translation>keine Antwort in der Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection was closed</source>
        <translation>die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the TLS handshake failed</source>
        <translation>der TLS-Handshake ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot reach %1: %2. Is mort-server running and is internalListen reachable?</source>
        <translation>%1 ist nicht erreichbar: %2. Läuft mort-server, und ist internalListen erreichbar?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 sent an answer the studio does not understand.</source>
        <translation>%1 hat eine Antwort gesendet, die das Studio nicht versteht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 antwortete mit HTTP %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 antwortete mit HTTP %2: %3</translation>
    </message>
    <message>
        <location filename="../app/client/remotestudiocalls.cpp" line="+43"/>
        <source>The server refused the config</source>
        <translation>Der Server hat die Konfiguration abgelehnt</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the server&apos;s display copy is no PNG</source>
        <translation>die Anzeigekopie des Servers ist kein PNG</translation>
    </message>
</context>
<context>
    <name>mort::SavePresetDialog</name>
    <message>
        <location filename="../ui/preview/savepresetdialog.cpp" line="+17"/>
        <source>Save as preset</source>
        <translation>Als Preset speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the new preset in bucket %1:</source>
        <translation>Name des neuen Presets in Bucket %1:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. hero_banner</source>
        <translation>z. B. hero_banner</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Enter a name for the new preset, e.g. hero_banner.</source>
        <translation>Einen Namen für das neue Preset eingeben, z. B. hero_banner.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Replace preset</source>
        <translation>Preset ersetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bucket %1 already has a preset &quot;%2&quot;, and the server serves it. Replace it in %3?</source>
        <translation>Bucket %1 hat bereits ein Preset „%2“, und der Server liefert es aus. In %3 ersetzen?</translation>
    </message>
</context>
<context>
    <name>mort::ServerStatusPanel</name>
    <message>
        <location filename="../ui/status/serverstatuspanel.cpp" line="+21"/>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Live tasks by kind</source>
        <translation>Aktive Aufgaben nach Art</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Try to reach the server again now</source>
        <translation>Jetzt erneut versuchen, den Server zu erreichen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listening on:</source>
        <translation>Lauscht auf:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests:</source>
        <translation>Anfragen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transforms:</source>
        <translation>Transformationen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory:</source>
        <translation>Speicher:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache and lock:</source>
        <translation>Cache und Sperre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redis:</source>
        <translation>Redis-Server:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server.cache.type and server.lock.type: memory is this process only; redis is shared by every instance on the same Redis</source>
        <translation>server.cache.type und server.lock.type: memory gilt nur für diesen Prozess; redis teilen alle Instanzen am selben Redis</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Requests to the image listeners since the server started; the studio&apos;s own calls to the admin API are not counted (they are &quot;admin&quot; tasks)</source>
        <translation>Anfragen an die Bild-Listener seit dem Serverstart; die eigenen Aufrufe des Studios an die Admin-API zählen nicht (das sind „admin“-Aufgaben)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Running since %1</source>
        <translation>Läuft seit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (images)</source>
        <translation>%1 (Bilder)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (metrics)</source>
        <translation>%1 (Metriken)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not listening</source>
        <translation>lauscht nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 served, %2 in flight, %3 dropped (client left)</source>
        <translation>%1 bedient, %2 in Arbeit, %3 verworfen (Client gegangen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 executed, %2 failed, %3 throttled</source>
        <translation>%1 ausgeführt, %2 fehlgeschlagen, %3 gedrosselt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 resident, %2 held by libvips</source>
        <translation>%1 resident, %2 von libvips belegt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not connected to %1</source>
        <translation>Nicht verbunden mit %1</translation>
    </message>
</context>
<context>
    <name>mort::SplitCompareView</name>
    <message>
        <location filename="../ui/preview/splitcompareview.cpp" line="+135"/>
        <source>Open an image to compare.</source>
        <translation>Ein Bild zum Vergleichen öffnen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source> (click or Space to flip)</source>
        <translation> (Klick oder Leertaste zum Umschalten)</translation>
    </message>
</context>
<context>
    <name>mort::StaleResultsBox</name>
    <message>
        <location filename="../ui/config/staleresultsbox.cpp" line="+29"/>
        <source>Delete stored results</source>
        <translation>Gespeicherte Ergebnisse löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Presets changed since the server stored their results. What the old definition made is still served until it is deleted; deleted results are made again, with the new definition, on their next request.</source>
        <translation>Presets, die sich geändert haben, seit der Server ihre Ergebnisse gespeichert hat. Was die alte Definition erzeugt hat, wird weiter ausgeliefert, bis es gelöscht wird; gelöschte Ergebnisse entstehen bei der nächsten Anfrage neu, mit der neuen Definition.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stored results</source>
        <translation>Gespeicherte Ergebnisse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete the results the old definition stored for every original of the bucket, in the background</source>
        <translation>Die Ergebnisse, die die alte Definition für jedes Original des Buckets gespeichert hat, im Hintergrund löschen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop deleting; results already deleted stay deleted</source>
        <translation>Löschen anhalten; bereits gelöschte Ergebnisse bleiben gelöscht</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>kept, still served</source>
        <translation>behalten, wird weiter ausgeliefert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleting: listing the originals...</source>
        <translation>wird gelöscht: Originale werden aufgelistet...</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>deleting: %1 of %2 originals, %n deleted</source>
        <translation>
            <numerusform>wird gelöscht: %1 von %2 Originalen, %n gelöscht</numerusform>
            <numerusform>wird gelöscht: %1 von %2 Originalen, %n gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n deleted</source>
        <translation>
            <numerusform>%n gelöscht</numerusform>
            <numerusform>%n gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n deleted; %1 could not be deleted (see the server log)</source>
        <translation>
            <numerusform>%n gelöscht; %1 konnten nicht gelöscht werden (siehe Server-Log)</numerusform>
            <numerusform>%n gelöscht; %1 konnten nicht gelöscht werden (siehe Server-Log)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>stopped after %1 of %2 originals, %n deleted</source>
        <translation>
            <numerusform>angehalten nach %1 von %2 Originalen, %n gelöscht</numerusform>
            <numerusform>angehalten nach %1 von %2 Originalen, %n gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not deleted: %1</source>
        <translation>nicht gelöscht: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>removed at %1</source>
        <translation>entfernt um %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changed at %1</source>
        <translation>geändert um %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 of %2 originals</source>
        <translation>%1 von %2 Originalen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stored results not deleted: %1. Wait for the running deletion to end, or check the connection, then try again.</source>
        <translation>Gespeicherte Ergebnisse nicht gelöscht: %1. Warten Sie, bis das laufende Löschen endet, oder prüfen Sie die Verbindung, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not stop the deletion: %1. Check the connection, then press Stop again.</source>
        <translation>Das Löschen konnte nicht angehalten werden: %1. Prüfen Sie die Verbindung und klicken Sie dann erneut auf Anhalten.</translation>
    </message>
</context>
<context>
    <name>mort::StatsHistory</name>
    <message>
        <location filename="../ui/dashboard/statshistory.cpp" line="+86"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>libvips</source>
        <translation>libvips</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In flight</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transforms</source>
        <translation>Transformationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throttled/s</source>
        <translation>Gedrosselt/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hit ratio</source>
        <translation>Trefferquote</translation>
    </message>
</context>
<context>
    <name>mort::TaskCountsModel</name>
    <message>
        <location filename="../ui/activity/taskcountsmodel.cpp" line="+64"/>
        <source>Task kind</source>
        <translation>Aufgabenart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
</context>
<context>
    <name>mort::TokenStore</name>
    <message>
        <location filename="../ui/connection/tokenstore.cpp" line="+23"/>
        <source>The keychain could not be read: %1</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The token could not be saved in the keychain: %1</source>
        <translation>Das Token konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
</context>
</TS>
