<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>Bootstrap</name>
    <message>
        <location filename="../app/common/serverbootstrap.cpp" line="+20"/>
        <source>cannot use configuration %1:
%2
Fix the file (every line names the key) or pass another with -config FILE.</source>
        <translation>nie można użyć konfiguracji %1:
%2
Popraw plik (każdy wiersz podaje klucz) albo wskaż inny przez -config PLIK.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the configuration refers to ${%1}, which is not set: it reads as empty. Export it before starting (systemd: EnvironmentFile=).</source>
        <translation>konfiguracja odwołuje się do ${%1}, która nie jest ustawiona: odczytywana jest jako pusta. Wyeksportuj ją przed uruchomieniem (systemd: EnvironmentFile=).</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/common/commandline.cpp" line="+13"/>
        <source>%1 needs a value</source>
        <translation>%1 wymaga wartości</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unexpected argument: %1</source>
        <translation>nieoczekiwany argument: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>unknown option: %1</source>
        <translation>nieznana opcja: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Usage: %1 [-config FILE] [-version] [--help]
  -config FILE   Mort YAML configuration (default /etc/mort/mort.yml)
  -version       print the version and exit
</source>
        <translation>Użycie: %1 [-config PLIK] [-version] [--help]
  -config PLIK   konfiguracja Mort w YAML (domyślnie /etc/mort/mort.yml)
  -version       wypisz wersję i zakończ
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
        <translation>  --attach URL   połącz z API administracyjnym działającego mort-server
  --preview PLIK otwórz obraz w podglądzie presetów
  --preset NAZWA preset do podglądu
  --headless     uruchom wbudowany serwer bez okna
  --screenshot P zapisz PNG głównego okna i zakończ
  --tab NAZWA    ekran pokazany na początku: status, dashboard, cache, activity, preview, config
  --lang KOD     język okna: en, pl lub de (domyślnie zapisany, inaczej systemowy)
</translation>
    </message>
</context>
<context>
    <name>ContactSheet</name>
    <message>
        <location filename="../ui/preview/contactsheet.cpp" line="+142"/>
        <source>rendering…</source>
        <translation>renderowanie…</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../ui/shared/language.cpp" line="+71"/>
        <source>S&amp;ettings</source>
        <translation>&amp;Ustawienia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Język</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System (%1)</source>
        <translation>Systemowy (%1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language applies when Mort Studio starts again.</source>
        <translation>Nowy język zacznie obowiązywać po ponownym uruchomieniu Mort Studio.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Applies at the next start</source>
        <translation>Obowiązuje od następnego uruchomienia</translation>
    </message>
</context>
<context>
    <name>PreviewParameters</name>
    <message>
        <location filename="../ui/preview/previewparameters.cpp" line="+85"/>
        <source>Resize</source>
        <translation>Skalowanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop</source>
        <translation>Kadrowanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resize and crop (auto)</source>
        <translation>Skalowanie i kadrowanie (auto)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract area</source>
        <translation>Wycięcie obszaru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur</source>
        <translation>Rozmycie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate</source>
        <translation>Obrót</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watermark</source>
        <translation>Znak wodny</translation>
    </message>
    <message>
        <location line="+51"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Width</source>
        <translation>Szerokość</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Height</source>
        <translation>Wysokość</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Output width of the resize; 0 = follow the height</source>
        <translation>Szerokość po skalowaniu; 0 = według wysokości</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output height of the resize; 0 = follow the width</source>
        <translation>Wysokość po skalowaniu; 0 = według szerokości</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop width</source>
        <translation>Szerokość kadru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop: output width; 0 = keep the image&apos;s. With Resize also on, the crop&apos;s size is the output</source>
        <translation>Kadrowanie: szerokość wyniku; 0 = jak w obrazie. Gdy włączone jest też skalowanie, wynik ma rozmiar kadru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop height</source>
        <translation>Wysokość kadru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop: output height; 0 = keep the image&apos;s</source>
        <translation>Kadrowanie: wysokość wyniku; 0 = jak w obrazie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gravity</source>
        <translation>Punkt zaczepienia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which part of the image a crop keeps; smart finds the most interesting area</source>
        <translation>Którą część obrazu zachowuje kadrowanie; smart znajduje najciekawszy obszar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embed</source>
        <translation>Osadź</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop: embed the image in the requested size instead of cutting</source>
        <translation>Kadrowanie: osadź obraz w żądanym rozmiarze zamiast przycinać</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top</source>
        <translation>Góra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract: top edge of the area</source>
        <translation>Wycięcie: górna krawędź obszaru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>Lewo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract: left edge of the area</source>
        <translation>Wycięcie: lewa krawędź obszaru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area width</source>
        <translation>Szerokość obszaru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract: width of the area (query key areaWith, as Mort spells it)</source>
        <translation>Wycięcie: szerokość obszaru (klucz zapytania areaWith, pisany jak w Mort)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area height</source>
        <translation>Wysokość obszaru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract: height of the area</source>
        <translation>Wycięcie: wysokość obszaru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sigma</source>
        <translation>Sigma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur: standard deviation of the Gaussian, more than 0 and at most 100</source>
        <translation>Rozmycie: odchylenie standardowe krzywej Gaussa, więcej niż 0 i najwyżej 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum amplitude</source>
        <translation>Minimalna amplituda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur: accuracy of the Gaussian mask; 0 = default</source>
        <translation>Rozmycie: dokładność maski Gaussa; 0 = domyślna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Angle</source>
        <translation>Kąt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> °</source>
        <translation> °</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate clockwise</source>
        <translation>Obrót zgodnie z ruchem wskazówek zegara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watermark image</source>
        <translation>Obraz znaku wodnego</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key of an image in the bucket&apos;s basic storage (URLs are refused)</source>
        <translation>Klucz obrazu w podstawowym magazynie bucketu (URL-e są odrzucane)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Położenie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the watermark goes</source>
        <translation>Gdzie umieścić znak wodny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opacity</source>
        <translation>Krycie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watermark opacity: 0 = invisible, 1 = opaque</source>
        <translation>Krycie znaku wodnego: 0 = niewidoczny, 1 = pełny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality</source>
        <translation>Jakość</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder quality 1..100; 0 = the encoder&apos;s default (75)</source>
        <translation>Jakość kodera 1..100; 0 = domyślna kodera (75)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output format; empty = keep the input&apos;s</source>
        <translation>Format wyniku; puste = jak wejście</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grayscale</source>
        <translation>Skala szarości</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convert to grayscale</source>
        <translation>Zamień na skalę szarości</translation>
    </message>
</context>
<context>
    <name>SharedBackendsText</name>
    <message>
        <location filename="../ui/shared/sharedbackendstext.cpp" line="+28"/>
        <source>cache: %1 · lock: %2</source>
        <translation>pamięć podręczna: %1 · blokada: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 unreachable: requests go on without it (shared cache skipped %2 times, lock %3 times). Check that redis-server runs there and that server.cache.address names it.</source>
        <translation>%1 nieosiągalny: żądania są obsługiwane bez niego (wspólna pamięć podręczna pominięta %2 razy, blokada %3 razy). Sprawdź, czy działa tam redis-server i czy server.cache.address wskazuje ten adres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 reachable · round trip %2 ms (average %3 ms) · %4 commands, %5 failed</source>
        <translation>%1 osiągalny · czas odpowiedzi %2 ms (średnio %3 ms) · poleceń: %4, nieudanych: %5</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Redis unreachable</source>
        <translation>Redis nieosiągalny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redis reachable, %1 ms</source>
        <translation>Redis osiągalny, %1 ms</translation>
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
        <translation>Śledź</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All levels</source>
        <translation>Wszystkie poziomy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info and above</source>
        <translation>Info i wyższe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings and errors</source>
        <translation>Ostrzeżenia i błędy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors only</source>
        <translation>Tylko błędy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show log lines at this level or above</source>
        <translation>Pokazuj wiersze dziennika z tego poziomu lub wyższego</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search messages (Ctrl+F)</source>
        <translation>Szukaj w komunikatach (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the newest line in view</source>
        <translation>Utrzymuj najnowszy wiersz w widoku</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Wyczyść</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the lines shown so far (the server keeps its own)</source>
        <translation>Zapomnij dotąd pokazane wiersze (serwer zachowuje własne)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level:</source>
        <translation>Poziom:</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Tasks by kind</source>
        <translation>Zadania według rodzaju</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every unit of asynchronous work the server runs, counted while it lives: after a load, every kind returns to its idle count</source>
        <translation>Każda jednostka pracy asynchronicznej serwera, liczona, dopóki żyje: po obciążeniu każdy rodzaj wraca do liczby spoczynkowej</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 live now</source>
        <translation>teraz żywych: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No log lines yet: they appear here as the server writes them.</source>
        <translation>Brak wierszy dziennika: pojawią się tu, gdy serwer je zapisze.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 lines shown (the last %3 are kept)</source>
        <translation>Pokazane wiersze: %1 z %2 (zachowywane jest ostatnie %3)</translation>
    </message>
</context>
<context>
    <name>mort::AttachDialog</name>
    <message>
        <location filename="../ui/connection/attachdialog.cpp" line="+20"/>
        <source>Remember the token in the system keychain</source>
        <translation>Zapamiętaj token w systemowym pęku kluczy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach to a running server</source>
        <translation>Połącz z działającym serwerem</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server&apos;s internalListen address (where /metrics is served)</source>
        <translation>Adres internalListen serwera (tam, gdzie jest /metrics)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server.adminToken or MORT_ADMIN_TOKEN of the server; empty if none</source>
        <translation>server.adminToken lub MORT_ADMIN_TOKEN serwera; puste, jeśli brak</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Admin URL:</source>
        <translation>URL administracyjny:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach</source>
        <translation>Połącz</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This server needs an admin token; enter it above. %1</source>
        <translation>Ten serwer wymaga tokenu administracyjnego; wpisz go powyżej. %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This server&apos;s admin API needs no token.</source>
        <translation>API administracyjne tego serwera nie wymaga tokenu.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Enter an address such as http://127.0.0.1:8081.</source>
        <translation>Wpisz adres, np. http://127.0.0.1:8081.</translation>
    </message>
</context>
<context>
    <name>mort::AttachTokenLookup</name>
    <message>
        <location filename="../ui/connection/attachtoken.cpp" line="+18"/>
        <source>This server&apos;s admin API needs a token. %1. Start the studio with MORT_ADMIN_TOKEN set, or attach with Server &gt; Attach (Ctrl+Shift+A) and enter the token there.</source>
        <translation>API administracyjne tego serwera wymaga tokenu. %1. Uruchom studio z ustawionym MORT_ADMIN_TOKEN albo połącz się przez Serwer &gt; Połącz (Ctrl+Shift+A) i wpisz tam token.</translation>
    </message>
</context>
<context>
    <name>mort::BucketImageDialog</name>
    <message>
        <location filename="../ui/preview/bucketimagedialog.cpp" line="+16"/>
        <source>Listing…</source>
        <translation>Pobieranie listy…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open an image from bucket %1</source>
        <translation>Otwórz obraz z bucketu %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by name</source>
        <translation>Filtruj po nazwie</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot list bucket %1: %2</source>
        <translation>Nie można wylistować bucketu %1: %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No images in bucket %1.</source>
        <translation>Brak obrazów w buckecie %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n images shown.</source>
        <translation>
            <numerusform>Pokazano %1 z %n obrazu.</numerusform>
            <numerusform>Pokazano %1 z %n obrazów.</numerusform>
            <numerusform>Pokazano %1 z %n obrazów.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading %1…</source>
        <translation>Odczyt %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read %1: %2</source>
        <translation>Nie można odczytać %1: %2</translation>
    </message>
</context>
<context>
    <name>mort::BucketKeysBox</name>
    <message>
        <location filename="../ui/config/bucketkeysbox.cpp" line="+12"/>
        <source>Access keys</source>
        <translation>Klucze dostępu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add key</source>
        <translation>Dodaj klucz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No keys in this bucket.</source>
        <translation>Ten kubełek nie ma kluczy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pairs requests to this bucket are signed with, the S3 way (AWS signature)</source>
        <translation>Pary, którymi podpisywane są żądania do tego kubełka, jak w S3 (podpis AWS)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add a pair; type its access key and secret</source>
        <translation>Dodaj parę; wpisz jej klucz dostępu i sekret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access key</source>
        <translation>Klucz dostępu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret key</source>
        <translation>Klucz tajny</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Remove</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>access key</source>
        <translation>klucz dostępu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>secret</source>
        <translation>sekret</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving moves it to the system keychain; the file then refers to it as ${MORT_SECRET_...}</source>
        <translation>Zapis przenosi go do systemowego pęku kluczy; plik odwołuje się wtedy do niego jako ${MORT_SECRET_...}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this pair</source>
        <translation>Usuń tę parę</translation>
    </message>
</context>
<context>
    <name>mort::BucketPage</name>
    <message>
        <location filename="../ui/config/bucketpage.cpp" line="+40"/>
        <source>Bucket %1</source>
        <translation>Kubełek %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bucket&apos;s transform: how a URL names a transform of an original. Presets, storages and other keys (headers, glacier, limits) stay as written; presets and storages have their own pages.</source>
        <translation>Transformacja kubełka: jak URL wskazuje transformację oryginału. Presety, magazyny i inne klucze (headers, glacier, limits) zostają bez zmian; presety i magazyny mają własne strony.</translation>
    </message>
</context>
<context>
    <name>mort::BucketPathTester</name>
    <message>
        <location filename="../ui/config/bucketpathtester.cpp" line="+20"/>
        <source>Paste a URL or path, e.g. /demo/small/photo.jpg</source>
        <translation>Wklej URL lub ścieżkę, np. /demo/small/photo.jpg</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No transform: objects are served as stored.</source>
        <translation>Brak transformacji: obiekty są serwowane tak, jak zapisano.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Test a URL (follows the form and the YAML as you type):</source>
        <translation>Sprawdź URL (nadąża za formularzem i YAML-em podczas pisania):</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Named groups: %1</source>
        <translation>Nazwane grupy: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The path regex does not match this key (no named groups).</source>
        <translation>Wyrażenie ścieżki nie pasuje do tego klucza (brak nazwanych grup).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server answers 400: %1</source>
        <translation>Serwer odpowiada 400: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parsed: a transform of %1 (storage %2)</source>
        <translation>Rozpoznano: transformacja %1 (magazyn %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result key: %1 (storage %2)</source>
        <translation>Klucz wyniku: %1 (magazyn %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parsed: the original %1 of bucket %2 (storage %3), no transform</source>
        <translation>Rozpoznano: oryginał %1 z kubełka %2 (magazyn %3), bez transformacji</translation>
    </message>
</context>
<context>
    <name>mort::CacheBrowserPanel</name>
    <message>
        <location filename="../ui/cache/cachebrowserpanel.cpp" line="+29"/>
        <source>Refresh</source>
        <translation>Odśwież</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>Evict selected</source>
        <translation>Usuń zaznaczone</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Clear all…</source>
        <translation>Wyczyść wszystko…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Filter by request, key, status or content type</source>
        <translation>Filtruj po żądaniu, kluczu, statusie lub typie treści</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>List the cache again now (F5); while this tab is shown it is listed every %1 s anyway</source>
        <translation>Wylistuj pamięć podręczną teraz (F5); gdy ta karta jest widoczna, i tak dzieje się to co %1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected entries (Delete); the next request renders them again</source>
        <translation>Usuń zaznaczone wpisy (Delete); następne żądanie wyrenderuje je ponownie</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Evicted 1 entry.</source>
        <translation>Usunięto 1 wpis.</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Evicted %n entries.</source>
        <translation>
            <numerusform>Usunięto %n wpis.</numerusform>
            <numerusform>Usunięto %n wpisy.</numerusform>
            <numerusform>Usunięto %n wpisów.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cache cleared.</source>
        <translation>Pamięć podręczna wyczyszczona.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+117"/>
        <source>Listing…</source>
        <translation>Pobieranie listy…</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Evict %1 from the cache?</source>
        <translation>Usunąć %1 z pamięci podręcznej?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Evict the %n selected entries from the cache?</source>
        <translation>
            <numerusform>Usunąć %n zaznaczony wpis z pamięci podręcznej?</numerusform>
            <numerusform>Usunąć %n zaznaczone wpisy z pamięci podręcznej?</numerusform>
            <numerusform>Usunąć %n zaznaczonych wpisów z pamięci podręcznej?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evict cache entries</source>
        <translation>Usuwanie wpisów z pamięci podręcznej</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evicting 1 entry…</source>
        <translation>Usuwanie 1 wpisu…</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Evicting %n entries…</source>
        <translation>
            <numerusform>Usuwanie %n wpisu…</numerusform>
            <numerusform>Usuwanie %n wpisów…</numerusform>
            <numerusform>Usuwanie %n wpisów…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Entries in Redis stay (other instances use them); evict those one by one.</source>
        <translation>Wpisy w Redisie zostają (korzystają z nich inne instancje); usuń je pojedynczo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the cache</source>
        <translation>Wyczyść pamięć podręczną</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Remove every entry from the response cache? Requests will be rendered again until it refills.</source>
        <translation>Usunąć wszystkie wpisy z pamięci podręcznej odpowiedzi? Żądania będą renderowane od nowa, dopóki się nie zapełni.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clearing…</source>
        <translation>Czyszczenie…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Not connected to the server: nothing to list.</source>
        <translation>Brak połączenia z serwerem: nie ma czego wylistować.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 entry</source>
        <translation>1 wpis</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n wpis</numerusform>
            <numerusform>%n wpisy</numerusform>
            <numerusform>%n wpisów</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 of %2 in cache (%3 %)</source>
        <translation> · %1 z %2 w pamięci podręcznej (%3 %)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · %1 in cache</source>
        <translation> · %1 w pamięci podręcznej</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> · %n in Redis</source>
        <translation>
            <numerusform> · %n w Redisie</numerusform>
            <numerusform> · %n w Redisie</numerusform>
            <numerusform> · %n w Redisie</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — %1 match the filter</source>
        <translation> — pasujące do filtra: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (listing stops at %1)</source>
        <translation> (lista kończy się na %1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select one entry to see its headers and a preview.</source>
        <translation>Zaznacz jeden wpis, by zobaczyć jego nagłówki i podgląd.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n entries selected.</source>
        <translation>
            <numerusform>Zaznaczono %n wpis.</numerusform>
            <numerusform>Zaznaczono %n wpisy.</numerusform>
            <numerusform>Zaznaczono %n wpisów.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mort::CacheEntryDetailView</name>
    <message>
        <location filename="../ui/cache/cacheentrydetailview.cpp" line="+26"/>
        <source>Header</source>
        <translation>Nagłówek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wartość</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select one entry to see its headers and a preview.</source>
        <translation>Zaznacz jeden wpis, by zobaczyć jego nagłówki i podgląd.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Loading %1…</source>
        <translation>Wczytywanie %1…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;&lt;small&gt;key %2&lt;/small&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;&lt;small&gt;klucz %2&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status %1 · %2 · %3 in cache · %4 hits</source>
        <translation>Status %1 · %2 · %3 w pamięci podręcznej · trafienia: %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Decoding…</source>
        <translation>Dekodowanie…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>(this image format cannot be previewed here)</source>
        <translation>(tego formatu obrazu nie da się tu podejrzeć)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no preview for %1)</source>
        <translation>(brak podglądu dla %1)</translation>
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
        <translation>ten proces</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Redis keeps no request URL; the key names the object</source>
        <translation>Redis nie przechowuje adresu żądania; obiekt wskazuje klucz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not stored by a request (a placeholder render)</source>
        <translation>Niezapisany przez żądanie (render zastępczy)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes of the cache&apos;s capacity: %2 bytes of body, the rest headers and bookkeeping</source>
        <translation>Bajty pojemności pamięci podręcznej: %1; treść: %2 B, reszta to nagłówki i dane ewidencyjne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expires in %1</source>
        <translation>wygasa za %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>expired</source>
        <translation>wygasł</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In Redis, shared by every instance on it; evicting removes it there</source>
        <translation>W Redisie, wspólny dla wszystkich korzystających z niego instancji; usunięcie usuwa go tam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In this server&apos;s own memory</source>
        <translation>We własnej pamięci tego serwera</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Request</source>
        <translation>Żądanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>Klucz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Rozmiar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hits</source>
        <translation>Trafienia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Wiek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content type</source>
        <translation>Typ treści</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held in</source>
        <translation>Przechowywany w</translation>
    </message>
</context>
<context>
    <name>mort::CompareArea</name>
    <message>
        <location filename="../ui/preview/comparearea.cpp" line="+43"/>
        <location line="+98"/>
        <source>Open an image to preview presets on it.</source>
        <translation>Otwórz obraz, by podejrzeć na nim presety.</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>The result appears here.</source>
        <translation>Tu pojawi się wynik.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+98"/>
        <source>Before</source>
        <translation>Przed</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>After (as the server sends it)</source>
        <translation>Po (tak, jak wysyła serwer)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Fit</source>
        <translation>Dopasuj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom of every view (Ctrl+= and Ctrl+- step, Ctrl+wheel zooms at the mouse)</source>
        <translation>Powiększenie wszystkich widoków (Ctrl+= i Ctrl+- krokowo, Ctrl+kółko w miejscu kursora)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Zoom &amp;in</source>
        <translation>Po&amp;większ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;out</source>
        <translation>Po&amp;mniejsz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Pomniejsz (Ctrl+-)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom in (Ctrl+=)</source>
        <translation>Powiększ (Ctrl+=)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scale the result is shown at</source>
        <translation>Skala, w jakiej pokazany jest wynik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same scale</source>
        <translation>Ta sama skala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side by side: both images at one scale, so a 300 px result looks smaller than a 400 px one</source>
        <translation>Obok siebie: oba obrazy w jednej skali, więc wynik 300 px wygląda na mniejszy niż 400 px</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drag to pan</source>
        <translation>Przeciągnij, by przesunąć</translation>
    </message>
</context>
<context>
    <name>mort::ConfigDiffDialog</name>
    <message>
        <location filename="../ui/config/configdiffdialog.cpp" line="+18"/>
        <source>Apply the config</source>
        <translation>Zastosuj konfigurację</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The running server changes as shown (- its config now, + after Apply). Nothing is written to a file.</source>
        <translation>Działający serwer zmieni się jak pokazano (- obecna konfiguracja, + po zastosowaniu). Nic nie jest zapisywane do pliku.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The editor holds the running config: there is nothing to apply.</source>
        <translation>Edytor zawiera działającą konfigurację: nie ma nic do zastosowania.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Apply to the running server</source>
        <translation>Zastosuj na działającym serwerze</translation>
    </message>
</context>
<context>
    <name>mort::ConfigFileBar</name>
    <message>
        <location filename="../ui/config/configfilebar.cpp" line="+17"/>
        <source>Open...</source>
        <translation>Otwórz...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save As...</source>
        <translation>Zapisz jako...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit a config file (nothing is applied until you press Apply)</source>
        <translation>Edytuj plik konfiguracji (nic nie zostanie zastosowane, dopóki nie naciśniesz Zastosuj)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the YAML view to its file, exactly as shown</source>
        <translation>Zapisz widok YAML do jego pliku, dokładnie tak, jak jest pokazany</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the YAML view to another file</source>
        <translation>Zapisz widok YAML do innego pliku</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>not saved to a file</source>
        <translation>nie zapisano w pliku</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (edited)</source>
        <translation>%1 (zmieniony)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>YAML config (*.yml *.yaml);;All files (*)</source>
        <translation>Konfiguracja YAML (*.yml *.yaml);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save config as</source>
        <translation>Zapisz konfigurację jako</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open config</source>
        <translation>Otwórz konfigurację</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not open %1: %2. Choose another file.</source>
        <translation>Nie można otworzyć %1: %2. Wybierz inny plik.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened %1; the server still runs its own config until you press Apply.</source>
        <translation>Otwarto %1; serwer działa na swojej konfiguracji, dopóki nie naciśniesz Zastosuj.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved: %1: %2</source>
        <translation>Nie zapisano: %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not saved: %1 (%2). Choose another place with Save As.</source>
        <translation>Nie zapisano: %1 (%2). Wybierz inne miejsce przez Zapisz jako.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved to %1.</source>
        <translation>Zapisano w %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved to %1. %2</source>
        <translation>Zapisano w %1. %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsaved config</source>
        <translation>Niezapisana konfiguracja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The YAML view has edits that are not saved. Save them first?</source>
        <translation>Widok YAML ma niezapisane zmiany. Zapisać je najpierw?</translation>
    </message>
</context>
<context>
    <name>mort::ConfigFormFields</name>
    <message>
        <location filename="../ui/config/configformfields.cpp" line="+26"/>
        <source>Listens</source>
        <translation>Adresy nasłuchu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public addresses, comma-separated: host:port, :port, [ipv6]:port or unix:/path</source>
        <translation>Adresy publiczne, rozdzielone przecinkami: host:port, :port, [ipv6]:port lub unix:/ścieżka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal listener</source>
        <translation>Nasłuch wewnętrzny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health, metrics and the admin API; keep it on a loopback address unless adminToken is set</source>
        <translation>Health, metryki i API administracyjne; trzymaj na adresie loopback, chyba że ustawiono adminToken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log level</source>
        <translation>Poziom dziennika</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>prod logs warnings and errors, dev everything</source>
        <translation>prod zapisuje ostrzeżenia i błędy, dev wszystko</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request timeout (s)</source>
        <translation>Limit czasu żądania (s)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seconds a request may take; 0 = 60</source>
        <translation>Ile sekund może trwać żądanie; 0 = 60</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock timeout (s)</source>
        <translation>Limit czasu blokady (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds one transform holds its lock; 0 = 30</source>
        <translation>Ile sekund jedna transformacja trzyma blokadę; 0 = 30</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concurrent transforms</source>
        <translation>Równoległe transformacje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transforms running at once; 0 = 100</source>
        <translation>Transformacje działające naraz; 0 = 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache</source>
        <translation>Pamięć podręczna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where responses are cached; a change needs a restart</source>
        <translation>Gdzie buforowane są odpowiedzi; zmiana wymaga restartu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache size (bytes)</source>
        <translation>Rozmiar pamięci podręcznej (bajty)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes of cached responses (memory cache); a change needs a restart</source>
        <translation>Bajty buforowanych odpowiedzi (pamięć podręczna w RAM); zmiana wymaga restartu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache Redis</source>
        <translation>Redis pamięci podręcznej</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Redis host:port, comma-separated (redis and redis-cluster)</source>
        <translation>Redis host:port, rozdzielone przecinkami (redis i redis-cluster)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Lock</source>
        <translation>Blokada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where transforms take their lock; a change needs a restart</source>
        <translation>Gdzie transformacje biorą blokadę; zmiana wymaga restartu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock Redis</source>
        <translation>Redis blokad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access logs</source>
        <translation>Logi dostępu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log every request</source>
        <translation>Zapisuj w logu każde żądanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placeholder</source>
        <translation>Obraz zastępczy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An image URL or file path served, transformed, when a transform fails (5xx)</source>
        <translation>URL lub ścieżka obrazu wysyłanego (po transformacji), gdy transformacja się nie uda (5xx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle cleanup</source>
        <translation>Sprzątanie przy bezczynności</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free memory after the server has been idle for a while</source>
        <translation>Zwalniaj pamięć, gdy serwer przez jakiś czas nic nie robi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle after (min)</source>
        <translation>Bezczynność po (min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes without requests before the cleanup; 0 = 15, at least 5</source>
        <translation>Minuty bez żądań przed sprzątaniem; 0 = 15, co najmniej 5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aggressive cleanup</source>
        <translation>Agresywne sprzątanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mort&apos;s aggressiveGC: accepted, no extra effect in this server</source>
        <translation>aggressiveGC z Morta: przyjmowane, w tym serwerze bez dodatkowego efektu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebP plugin</source>
        <translation>Wtyczka WebP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer WebP to browsers that accept it (plugins.webp)</source>
        <translation>Odpowiadaj w WebP przeglądarkom, które go akceptują (plugins.webp)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compress: %1</source>
        <translation>Kompresja: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compress responses with %1 for clients that accept it</source>
        <translation>Kompresuj odpowiedzi algorytmem %1 dla klientów, którzy go akceptują</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 content types</source>
        <translation>%1: typy treści</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts of Content-Type, comma-separated (image/svg, text/); empty = text/html</source>
        <translation>Fragmenty Content-Type, rozdzielone przecinkami (image/svg, text/); puste = text/html</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 level</source>
        <translation>%1: poziom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The compression level; empty = 4</source>
        <translation>Poziom kompresji; puste = 4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A limit of every request; buckets may set their own (empty = the default)</source>
        <translation>Limit każdego żądania; buckety mogą ustawić własny (puste = domyślny)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Transform kind</source>
        <translation>Rodzaj transformacji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How a URL names its transform: query (?width=...), presets (a preset in the path) or both</source>
        <translation>Jak URL wskazuje transformację: query (?width=...), presets (preset w ścieżce) lub oba</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path regex</source>
        <translation>Wyrażenie regularne ścieżki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matched against the URL&apos;s path after the bucket; named groups: presetName, parent (the original&apos;s key)</source>
        <translation>Dopasowywane do ścieżki URL-a po kubełku; nazwane grupy: presetName, parent (klucz oryginału)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parent bucket</source>
        <translation>Kubełek nadrzędny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bucket holding the originals; empty = this one</source>
        <translation>Kubełek z oryginałami; puste = ten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent storage</source>
        <translation>Magazyn nadrzędny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The storage of the originals; empty = basic</source>
        <translation>Magazyn oryginałów; puste = basic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check parent</source>
        <translation>Sprawdzaj oryginał</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look the original up before answering a stored result (a deleted original answers 404)</source>
        <translation>Sprawdź oryginał przed zwróceniem zapisanego wyniku (usunięty oryginał daje 404)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result key</source>
        <translation>Klucz wyniku</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key results are stored under: hash, hashParent (grouped under the original) or empty (the path; hashParent for the query kinds)</source>
        <translation>Klucz, pod którym zapisywane są wyniki: hash, hashParent (zgrupowane pod oryginałem) lub puste (ścieżka; hashParent dla rodzajów query)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Path prefix</source>
        <translation>Prefiks ścieżki</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Put in front of every key in this storage</source>
        <translation>Dodawany przed każdym kluczem w tym magazynie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Root folder</source>
        <translation>Folder główny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder holding the objects (created when missing)</source>
        <translation>Folder z obiektami (tworzony, gdy go brak)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The origin; the object&apos;s key replaces &lt;item&gt; in it (headers: in the YAML view)</source>
        <translation>Źródło; klucz obiektu zastępuje w nim &lt;item&gt; (nagłówki: w widoku YAML)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The S3 bucket&apos;s name</source>
        <translation>Nazwa bucketu S3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For example eu-central-1</source>
        <translation>Na przykład eu-central-1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty for AWS; the provider&apos;s URL for MinIO, B2, Google, Oracle</source>
        <translation>Puste dla AWS; URL dostawcy dla MinIO, B2, Google, Oracle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access key</source>
        <translation>Klucz dostępu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The key&apos;s identifier</source>
        <translation>Identyfikator klucza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret key</source>
        <translation>Klucz tajny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving moves it to the system keychain; the file then refers to it as ${MORT_SECRET_...}</source>
        <translation>Zapis przenosi go do systemowego pęku kluczy; plik odwołuje się wtedy do niego jako ${MORT_SECRET_...}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No kind set: type one (local-meta, local, http, s3, noop) in the YAML view.</source>
        <translation>Nie ustawiono kind: wpisz jeden (local-meta, local, http, s3, noop) w widoku YAML.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind %1 is Mort&apos;s but not built into this server: it loads, and requests to this storage answer 503. Use kind s3 with the provider&apos;s endpoint, or edit it in the YAML view.</source>
        <translation>Kind %1 pochodzi z Mort, ale nie jest wbudowany w ten serwer: konfiguracja się wczyta, a żądania do tego magazynu odpowiedzą 503. Użyj kind s3 z endpointem dostawcy albo edytuj go w widoku YAML.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind noop keeps nothing: results are not stored.</source>
        <translation>Kind noop niczego nie przechowuje: wyniki nie są zapisywane.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind %1. Keys without a field here stay as written; edit them in the YAML view.</source>
        <translation>Kind %1. Klucze bez pola tutaj zostają tak, jak zapisano; edytuj je w widoku YAML.</translation>
    </message>
</context>
<context>
    <name>mort::ConfigPanel</name>
    <message>
        <location filename="../ui/config/configpanel.cpp" line="+49"/>
        <source>Load running config</source>
        <translation>Wczytaj działającą konfigurację</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apply...</source>
        <translation>Zastosuj...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace the editor&apos;s text with the config the server runs now</source>
        <translation>Zastąp tekst edytora konfiguracją, z którą serwer działa teraz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the change, then hot-reload it into the running server (no restart)</source>
        <translation>Pokaż zmianę, a potem wczytaj ją na gorąco do działającego serwera (bez restartu)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Right-click Presets or Storages to add one, a preset or storage to remove it</source>
        <translation>Kliknij prawym przyciskiem Presety lub Magazyny, aby dodać element, a preset lub magazyn, aby go usunąć</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The config&apos;s YAML (Mort&apos;s format). Load the running config or type one.</source>
        <translation>YAML konfiguracji (format Morta). Wczytaj działającą konfigurację lub wpisz własną.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Reading the running config...</source>
        <translation>Odczytywanie działającej konfiguracji...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not read the running config: %1. Check the connection, then press Load again.</source>
        <translation>Nie udało się odczytać działającej konfiguracji: %1. Sprawdź połączenie i ponownie naciśnij Wczytaj.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The running config.</source>
        <translation>Działająca konfiguracja.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The running config, loaded from %1.</source>
        <translation>Działająca konfiguracja, wczytana z %1.</translation>
    </message>
    <message>
        <location line="+49"/>
        <location filename="../ui/config/configpanelforms.cpp" line="+49"/>
        <source>Server</source>
        <translation>Serwer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header rules</source>
        <translation>Reguły nagłówków</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bucket %1</source>
        <translation>Kubełek %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Presets</source>
        <translation>Presety</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Storages</source>
        <translation>Magazyny</translation>
    </message>
    <message>
        <location filename="../ui/config/configpanelforms.cpp" line="-7"/>
        <source>No config yet: press Load running config, or type one in the YAML view.</source>
        <translation>Brak konfiguracji: naciśnij Wczytaj działającą konfigurację lub wpisz ją w widoku YAML.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keys without a field here (trustedProxies, adminToken, cache.clientConfig, ...) stay as written; edit them in the YAML view. Header rules have their own page.</source>
        <translation>Klucze bez pola tutaj (trustedProxies, adminToken, cache.clientConfig, ...) zostają bez zmian; edytuj je w widoku YAML. Reguły nagłówków mają własną stronę.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Storage %1 of bucket %2</source>
        <translation>Magazyn %1 bucketu %2</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Not changed: %1. Fix the YAML view first, or undo there.</source>
        <translation>Bez zmian: %1. Najpierw popraw widok YAML lub cofnij tam zmianę.</translation>
    </message>
    <message>
        <location filename="../ui/config/configpanel.cpp" line="+61"/>
        <source>The server could not check the config: %1</source>
        <translation>Serwer nie mógł sprawdzić konfiguracji: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 problem: fix it before applying (it names its key).</source>
        <translation>1 problem: popraw go przed zastosowaniem (podaje swój klucz).</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n problems: fix them before applying (each names its key).</source>
        <translation>
            <numerusform>%n problem: popraw go przed zastosowaniem (podaje swój klucz).</numerusform>
            <numerusform>%n problemy: popraw je przed zastosowaniem (każdy podaje swój klucz).</numerusform>
            <numerusform>%n problemów: popraw je przed zastosowaniem (każdy podaje swój klucz).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Valid, but %1 change only with a restart: Apply refuses them.</source>
        <translation>Poprawna, ale %1 zmieniają się tylko po restarcie: Zastosuj ich nie przyjmie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid; the server runs this config.</source>
        <translation>Poprawna; serwer działa z tą konfiguracją.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid; press Apply to run it.</source>
        <translation>Poprawna; naciśnij Zastosuj, aby ją uruchomić.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Applying...</source>
        <translation>Stosowanie...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not applied: the server could not be asked (%1). Check the connection and apply again.</source>
        <translation>Nie zastosowano: nie udało się połączyć z serwerem (%1). Sprawdź połączenie i zastosuj ponownie.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Applied: the server runs the new config now (no restart).</source>
        <translation>Zastosowano: serwer działa już z nową konfiguracją (bez restartu).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not applied: %1. Fix it and apply again.</source>
        <translation>Nie zastosowano: %1. Popraw to i zastosuj ponownie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not applied: cache and lock settings change only with a restart. Save the file and restart the server, or undo that change.</source>
        <translation>Nie zastosowano: ustawienia cache i blokady zmieniają się tylko po restarcie. Zapisz plik i zrestartuj serwer albo cofnij tę zmianę.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not applied: %1 change only with a restart. Save the file and restart the server, or undo that change.</source>
        <translation>Nie zastosowano: %1 zmieniają się tylko po restarcie. Zapisz plik i zrestartuj serwer albo cofnij tę zmianę.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not applied: %1</source>
        <translation>Nie zastosowano: %1</translation>
    </message>
    <message>
        <location filename="../ui/config/configpanelentries.cpp" line="+35"/>
        <source>Not added: a preset needs a name without dots.</source>
        <translation>Nie dodano: preset musi mieć nazwę bez kropek.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not added: bucket %1 has a preset %2 already.</source>
        <translation>Nie dodano: kubełek %1 ma już preset %2.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not added: a storage needs a name without dots.</source>
        <translation>Nie dodano: magazyn musi mieć nazwę bez kropek.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not added: bucket %1 has a storage %2 already.</source>
        <translation>Nie dodano: kubełek %1 ma już magazyn %2.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add preset...</source>
        <translation>Dodaj preset...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add preset</source>
        <translation>Dodaj preset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new preset:</source>
        <translation>Nazwa nowego presetu:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove preset %1</source>
        <translation>Usuń preset %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add storage...</source>
        <translation>Dodaj magazyn...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add storage</source>
        <translation>Dodaj magazyn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new storage:</source>
        <translation>Nazwa nowego magazynu:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove storage %1</source>
        <translation>Usuń magazyn %1</translation>
    </message>
</context>
<context>
    <name>mort::ConfigSecretKeeper</name>
    <message>
        <location filename="../ui/config/configsecretkeeper.cpp" line="+31"/>
        <location line="+3"/>
        <source>%1 could not be written: %2</source>
        <translation>Nie udało się zapisać %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The config holds secrets (%1). Mort Studio keeps them out of the file, in the system keychain, but the keychain cannot be used: %2.

Write them to %3 instead, readable only by you, and refer to them from the config? mort-server reads them from its environment: run `set -a; . %3; set +a` before starting it, or put EnvironmentFile=%3 in its systemd unit.

Cancel saves nothing. Start a keychain (a Secret Service such as GNOME Keyring or KWallet) and save again, or write ${VARIABLE} references in the YAML view yourself.</source>
        <translation>Konfiguracja zawiera sekrety (%1). Mort Studio trzyma je poza plikiem, w systemowym pęku kluczy, ale pęku kluczy nie można użyć: %2.

Zapisać je zamiast tego do %3, czytelnego tylko dla Ciebie, i odwołać się do nich w konfiguracji? mort-server odczytuje je ze swojego środowiska: uruchom `set -a; . %3; set +a` przed jego startem albo dodaj EnvironmentFile=%3 do jego jednostki systemd.

Anuluj nie zapisuje niczego. Uruchom pęk kluczy (Secret Service, np. GNOME Keyring lub KWallet) i zapisz ponownie albo sam wpisz odwołania ${VARIABLE} w widoku YAML.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No keychain for the config&apos;s secrets</source>
        <translation>Brak pęku kluczy na sekrety konfiguracji</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write .env file</source>
        <translation>Zapisz plik .env</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Secrets kept in the system keychain (%1); the file refers to them. mort-server reads them from its environment: export them before starting it.</source>
        <translation>Sekrety zapisane w systemowym pęku kluczy (%1); plik się do nich odwołuje. mort-server odczytuje je ze swojego środowiska: wyeksportuj je przed jego uruchomieniem.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved: the keychain cannot be used (%1) and no .env file was chosen.</source>
        <translation>Nie zapisano: nie można użyć pęku kluczy (%1), a plik .env nie został wybrany.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved: %1</source>
        <translation>Nie zapisano: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain cannot be used; the secrets went to %1 (mode 0600). Start mort-server with `set -a; . %1; set +a` or EnvironmentFile=%1.</source>
        <translation>Nie można użyć pęku kluczy; sekrety trafiły do %1 (tryb 0600). Uruchamiaj mort-server po `set -a; . %1; set +a` albo z EnvironmentFile=%1.</translation>
    </message>
</context>
<context>
    <name>mort::ConfigSecretStore</name>
    <message>
        <location filename="../ui/config/configsecretstore.cpp" line="+21"/>
        <source>the keychain did not answer within %1 seconds</source>
        <translation>pęk kluczy nie odpowiedział w ciągu %1 s</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1 is not set and the keychain could not be read (%2); the engine sees it empty. Export it before starting the studio.</source>
        <translation>%1 nie jest ustawiona, a pęku kluczy nie udało się odczytać (%2); silnik widzi ją pustą. Wyeksportuj ją przed uruchomieniem studia.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is neither set nor in the keychain; the engine sees it empty. Save the config from the Config tab with the secret typed in, or export the variable.</source>
        <translation>%1 nie jest ani ustawiona, ani zapisana w pęku kluczy; silnik widzi ją pustą. Zapisz konfigurację z karty Konfiguracja z wpisanym sekretem albo wyeksportuj zmienną.</translation>
    </message>
</context>
<context>
    <name>mort::ContactSheetDialog</name>
    <message>
        <location filename="../ui/preview/contactsheetdialog.cpp" line="+14"/>
        <source>Save PNG…</source>
        <translation>Zapisz PNG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact sheet</source>
        <translation>Arkusz stykowy</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This bucket has no presets.</source>
        <translation>Ten bucket nie ma presetów.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 preset rendered by the server&apos;s pipeline.</source>
        <translation>1 preset wyrenderowany przez potok serwera.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n presets rendered by the server&apos;s pipeline.</source>
        <translation>
            <numerusform>%n preset wyrenderowany przez potok serwera.</numerusform>
            <numerusform>%n presety wyrenderowane przez potok serwera.</numerusform>
            <numerusform>%n presetów wyrenderowanych przez potok serwera.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 — every preset of bucket %2</source>
        <translation>%1 — wszystkie presety bucketu %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rendering…</source>
        <translation>Renderowanie…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not write %1: check the folder exists and is writable.</source>
        <translation>Nie można zapisać %1: sprawdź, czy folder istnieje i jest zapisywalny.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1.</source>
        <translation>Zapisano %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save contact sheet</source>
        <translation>Zapisz arkusz stykowy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>Obrazy PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>mort::ContactSheetRenderer</name>
    <message>
        <location filename="../ui/preview/contactsheet.cpp" line="-88"/>
        <source>no engine to render with</source>
        <translation>brak silnika do renderowania</translation>
    </message>
</context>
<context>
    <name>mort::DashboardPanel</name>
    <message>
        <location filename="../ui/dashboard/dashboardpanel.cpp" line="+53"/>
        <location line="+155"/>
        <source>Pause</source>
        <translation>Wstrzymaj</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Export snapshot…</source>
        <translation>Eksportuj migawkę…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last minute</source>
        <translation>Ostatnia minuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 5 minutes</source>
        <translation>Ostatnie 5 minut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 15 minutes</source>
        <translation>Ostatnie 15 minut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>Ostatnia godzina</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How much history the charts keep and show (one sample per second)</source>
        <translation>Ile historii wykresy przechowują i pokazują (jedna próbka na sekundę)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Freeze the charts; samples are not recorded while paused (Ctrl+P)</source>
        <translation>Zamroź wykresy; podczas pauzy próbki nie są zapisywane (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the charts as PNG and the samples as JSON</source>
        <translation>Zapisz wykresy jako PNG, a próbki jako JSON</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Window:</source>
        <translation>Okno:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Memory</source>
        <translation>Pamięć</translation>
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
        <translation>rezydentna (RSS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>libvips</source>
        <translation>libvips</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>studio (RSS)</source>
        <translation>studio (RSS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live tasks by kind</source>
        <translation>Żywe zadania według rodzaju</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tasks</source>
        <translation>zadania</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Throughput</source>
        <translation>Przepustowość</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per second / in flight</source>
        <translation>na sekundę / w toku</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>requests/s</source>
        <translation>żądania/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transforms in flight</source>
        <translation>transformacje w toku</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>throttled/s</source>
        <translation>zdławione/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response cache</source>
        <translation>Pamięć podręczna odpowiedzi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hit ratio</source>
        <translation>współczynnik trafień</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cached bytes</source>
        <translation>bajty w pamięci podręcznej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hit ratio since start</source>
        <translation>współczynnik trafień od startu</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Resume</source>
        <translation>Wznów</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 (%2 live, idle baseline %3)</source>
        <translation>%1 (żywe: %2, spoczynkowo: %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ Possible leak: no request has been in flight for %1 s, yet these task kinds are still alive: %2. A task that outlives its request is what a leak looks like.</source>
        <translation>⚠ Możliwy wyciek: od %1 s nie ma żądań w toku, a te rodzaje zadań wciąż żyją: %2. Zadanie, które przeżywa swoje żądanie, tak właśnie wygląda wyciek.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Paused — new samples are not recorded</source>
        <translation>Wstrzymano — nowe próbki nie są zapisywane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 sample</source>
        <translation>1 próbka</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n samples</source>
        <translation>
            <numerusform>%n próbka</numerusform>
            <numerusform>%n próbki</numerusform>
            <numerusform>%n próbek</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · %1 req/s · %2 resident</source>
        <translation> · %1 żąd./s · rezydentna %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · studio %1</source>
        <translation> · studio %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot write %1.</source>
        <translation>Nie można zapisać %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation>Nie można zapisać %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export dashboard snapshot</source>
        <translation>Eksport migawki pulpitu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>Obraz PNG (*.png)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>Eksport nie powiódł się</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose another folder.</source>
        <translation>Wybierz inny folder.</translation>
    </message>
</context>
<context>
    <name>mort::EngineClient</name>
    <message>
        <location filename="../app/client/engineclient.cpp" line="+9"/>
        <source>the studio cannot send requests to this server; open %1 in a browser</source>
        <translation>studio nie może wysyłać żądań do tego serwera; otwórz %1 w przeglądarce</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cancelled</source>
        <translation>anulowano</translation>
    </message>
</context>
<context>
    <name>mort::HeaderRulesPage</name>
    <message>
        <location filename="../ui/config/headerrulespage.cpp" line="+39"/>
        <source>Add rule</source>
        <translation>Dodaj regułę</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A new rule at the end (status 200)</source>
        <translation>Nowa reguła na końcu (status 200)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove rule</source>
        <translation>Usuń regułę</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected rule</source>
        <translation>Usuń zaznaczoną regułę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>W górę</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check the selected rule earlier</source>
        <translation>Sprawdzaj zaznaczoną regułę wcześniej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>W dół</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check the selected rule later</source>
        <translation>Sprawdzaj zaznaczoną regułę później</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add header</source>
        <translation>Dodaj nagłówek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A new header of this rule</source>
        <translation>Nowy nagłówek tej reguły</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove header</source>
        <translation>Usuń nagłówek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected header of this rule</source>
        <translation>Usuń zaznaczony nagłówek tej reguły</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Header rules</source>
        <translation>Reguły nagłówków</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Headers added to responses. The first rule whose status codes match a response applies; without override it sets only headers the response lacks.</source>
        <translation>Nagłówki dodawane do odpowiedzi. Stosowana jest pierwsza reguła, której kody statusu pasują do odpowiedzi; bez nadpisywania ustawia tylko nagłówki, których odpowiedź nie ma.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Status codes of the responses this rule applies to, comma-separated</source>
        <translation>Kody statusu odpowiedzi, do których stosuje się ta reguła, rozdzielone przecinkami</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace headers the response already has (off: add only missing ones)</source>
        <translation>Zastępuj nagłówki, które odpowiedź już ma (wyłączone: dodawaj tylko brakujące)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header</source>
        <translation>Nagłówek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wartość</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Status codes</source>
        <translation>Kody statusu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override</source>
        <translation>Nadpisuj</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>no status codes</source>
        <translation>brak kodów statusu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no headers</source>
        <translation>brak nagłówków</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1. %2: %3 (override)</source>
        <translation>%1. %2: %3 (nadpisuje)</translation>
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
        <translation>nie ustawiono (domyślna)</translation>
    </message>
</context>
<context>
    <name>mort::LocalEngineClient</name>
    <message>
        <location filename="../app/client/localengineclient.cpp" line="+83"/>
        <source>Embedded server (%1)</source>
        <translation>Wbudowany serwer (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The embedded server could not start: %1
Free the port or change &quot;listens&quot; in %2, then restart.</source>
        <translation>Nie udało się uruchomić wbudowanego serwera: %1
Zwolnij port lub zmień „listens” w %2, potem uruchom ponownie.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Cannot list the cache: %1</source>
        <translation>Nie można wylistować pamięci podręcznej: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot evict %1: %2</source>
        <translation>Nie można usunąć %1: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot show %1: %2</source>
        <translation>Nie można pokazać %1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot clear the cache: %1</source>
        <translation>Nie można wyczyścić pamięci podręcznej: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the embedded server has no TCP listener; add one to &quot;listens&quot; in %1</source>
        <translation>wbudowany serwer nie nasłuchuje na TCP; dodaj adres do „listens” w %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the embedded server is stopped; start it on the Status tab</source>
        <translation>wbudowany serwer jest zatrzymany; uruchom go na karcie Stan</translation>
    </message>
    <message>
        <location filename="../app/client/localstudiocalls.cpp" line="+87"/>
        <source>Saving needs a config file the studio may write: start it with --config FILE</source>
        <translation>Zapis wymaga pliku konfiguracji, do którego studio może pisać: uruchom je z --config PLIK</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The preset was not saved</source>
        <translation>Preset nie został zapisany</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read %1: %2</source>
        <translation>nie można odczytać %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved, but the running server did not take the new config</source>
        <translation>Zapisano, ale działający serwer nie przyjął nowej konfiguracji</translation>
    </message>
</context>
<context>
    <name>mort::LogModel</name>
    <message>
        <location filename="../ui/activity/logmodel.cpp" line="+99"/>
        <source>Time</source>
        <translation>Czas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Poziom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Komunikat</translation>
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
        <translation>&amp;Stan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Pulpit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cache</source>
        <translation>Pamięć po&amp;dręczna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Activity</source>
        <translation>&amp;Aktywność</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start server</source>
        <translation>&amp;Uruchom serwer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top server</source>
        <translation>&amp;Zatrzymaj serwer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Attach to running server…</source>
        <translation>&amp;Połącz z działającym serwerem…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Server</source>
        <translation>&amp;Serwer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dashboard</source>
        <translation>Pulpit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cache</source>
        <translation>Pamięć podręczna</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activity</source>
        <translation>Aktywność</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Refresh</source>
        <translation>Odśw&amp;ież</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pause dashboard</source>
        <translation>&amp;Wstrzymaj pulpit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Find in log</source>
        <translation>Znajdź w &amp;dzienniku</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Mort Studio</source>
        <translation>&amp;O Mort Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Mort Studio</source>
        <translation>O Mort Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Mort Studio %1&lt;/b&gt;&lt;p&gt;A memory-safe image server compatible with Mort, and the desktop studio to run and diagnose it.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Mort Studio %1&lt;/b&gt;&lt;p&gt;Bezpieczny pamięciowo serwer obrazów zgodny z Mort oraz studio do jego uruchamiania i diagnozowania.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server</source>
        <translation>Serwer</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;Preview</source>
        <translation>P&amp;odgląd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Podgląd</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Image</source>
        <translation>&amp;Obraz</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Con&amp;fig</source>
        <translation>&amp;Konfiguracja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config</source>
        <translation>Konfiguracja</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Server running</source>
        <translation>Serwer działa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server stopped</source>
        <translation>Serwer zatrzymany</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attached to %1</source>
        <translation>Połączono z %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected to %1</source>
        <translation>Brak połączenia z %1</translation>
    </message>
</context>
<context>
    <name>mort::PresetFieldsForm</name>
    <message>
        <location filename="../ui/config/presetfieldsform.cpp" line="+52"/>
        <source>Remove operation</source>
        <translation>Usuń operację</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>encoder default</source>
        <translation>domyślna kodera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quality</source>
        <translation>Jakość</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 to 100; lower is smaller and blurrier</source>
        <translation>Od 1 do 100; niższa to mniejszy i bardziej rozmyty plik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keep the original&apos;s</source>
        <translation>jak w oryginale</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The format the preset answers in</source>
        <translation>Format odpowiedzi presetu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operations</source>
        <translation>Operacje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the order the engine applies them to the image; the order of the keys in the YAML does not change it.</source>
        <translation>W kolejności, w jakiej silnik stosuje je do obrazu; kolejność kluczy w YAML jej nie zmienia.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No operation: the preset re-encodes the original at its size. Add one below.</source>
        <translation>Brak operacji: preset koduje oryginał ponownie w jego rozmiarze. Dodaj operację poniżej.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add operation</source>
        <translation>Dodaj operację</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Every request for this preset answers 400 now: %1. Fix it below.</source>
        <translation>Każde żądanie tego presetu odpowiada teraz 400: %1. Popraw to poniżej.</translation>
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
        <translation>Nie ma pól: usuń ją, aby ją wyłączyć.</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Preset %1 of bucket %2</source>
        <translation>Preset %1 kubełka %2</translation>
    </message>
</context>
<context>
    <name>mort::PresetOperationFields</name>
    <message>
        <location filename="../ui/config/presetoperationfields.cpp" line="+41"/>
        <source>Pixels; empty or 0 = follow the other side, keeping the aspect ratio</source>
        <translation>Piksele; puste lub 0 = według drugiego boku, z zachowaniem proporcji</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rotate</source>
        <translation>Obrót</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turns the image clockwise before it is resized, so sizes refer to the turned image. Without it the EXIF orientation is applied.</source>
        <translation>Obraca obraz zgodnie z ruchem wskazówek zegara przed zmianą rozmiaru, więc rozmiary dotyczą obróconego obrazu. Bez tego stosowana jest orientacja z EXIF.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Angle</source>
        <translation>Kąt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>90, 180 or 270 degrees clockwise; other values are ignored</source>
        <translation>90, 180 lub 270 stopni zgodnie z ruchem wskazówek zegara; inne wartości są pomijane</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thumbnail</source>
        <translation>Miniatura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shrinks the image to fit the size, keeping the aspect ratio.</source>
        <translation>Zmniejsza obraz, aby zmieścił się w rozmiarze, z zachowaniem proporcji.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <location line="+14"/>
        <location line="+39"/>
        <source>Width</source>
        <translation>Szerokość</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+13"/>
        <location line="+15"/>
        <location line="+38"/>
        <source>Height</source>
        <translation>Wysokość</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+15"/>
        <source>Mode</source>
        <translation>Tryb</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+15"/>
        <source>outbound: also enlarges images smaller than the size</source>
        <translation>outbound: powiększa też obrazy mniejsze niż rozmiar</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Preserve aspect ratio</source>
        <translation>Zachowaj proporcje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeps the aspect ratio when both width and height are set</source>
        <translation>Zachowuje proporcje, gdy ustawiono szerokość i wysokość</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill</source>
        <translation>Wypełnij</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With width and height: first cuts the centre to their aspect ratio, then resizes to exactly that size</source>
        <translation>Przy szerokości i wysokości: najpierw wycina środek w ich proporcjach, potem zmienia rozmiar dokładnie na ten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Crop</source>
        <translation>Kadrowanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resizes to cover the size, then cuts it out at the gravity.</source>
        <translation>Zmienia rozmiar tak, by pokryć rozmiar, potem wycina go w punkcie zaczepienia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>Pixels</source>
        <translation>Piksele</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Gravity</source>
        <translation>Punkt zaczepienia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where to cut; smart finds the most interesting part</source>
        <translation>Gdzie wyciąć; smart znajduje najciekawszą część</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Embed</source>
        <translation>Osadź</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Places the image on a canvas of the size instead of cutting</source>
        <translation>Umieszcza obraz na płótnie tego rozmiaru zamiast wycinać</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Extract</source>
        <translation>Wycinek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cuts out an area of the resized image. Has no effect while Crop is on: the engine applies the first of crop, embed and extract.</source>
        <translation>Wycina obszar obrazu po zmianie rozmiaru. Nie działa, gdy włączone jest Kadrowanie: silnik stosuje pierwsze z crop, embed i extract.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top</source>
        <translation>Góra</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pixels from the top edge</source>
        <translation>Piksele od górnej krawędzi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>Lewo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pixels from the left edge</source>
        <translation>Piksele od lewej krawędzi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels; 0 = the resize width</source>
        <translation>Piksele; 0 = szerokość po zmianie rozmiaru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels; 0 = the resize height</source>
        <translation>Piksele; 0 = wysokość po zmianie rozmiaru</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Blur</source>
        <translation>Rozmycie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaussian blur of the resized image.</source>
        <translation>Rozmycie Gaussa obrazu po zmianie rozmiaru.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sigma</source>
        <translation>Sigma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Strength, above 0 (2 is soft, 20 is strong)</source>
        <translation>Siła, powyżej 0 (2 to słabo, 20 to mocno)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum amplitude</source>
        <translation>Minimalna amplituda</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accuracy of the blur mask; 0 = the default</source>
        <translation>Dokładność maski rozmycia; 0 = domyślna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watermark</source>
        <translation>Znak wodny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draws an image over the result. The image is read on every transform: a local path on the server, or an http(s) URL.</source>
        <translation>Rysuje obraz na wyniku. Obraz jest czytany przy każdej transformacji: ścieżka lokalna na serwerze albo adres http(s).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>Obraz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A file path on the server or an http(s) URL</source>
        <translation>Ścieżka pliku na serwerze albo adres http(s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Położenie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vertical-horizontal, e.g. bottom-right</source>
        <translation>pionowe-poziome, np. bottom-right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opacity</source>
        <translation>Krycie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>0 to 1; 0 = fully opaque, as Mort</source>
        <translation>od 0 do 1; 0 = całkowicie kryjący, jak w Mort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Grayscale</source>
        <translation>Skala szarości</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saves the result in shades of grey.</source>
        <translation>Zapisuje wynik w odcieniach szarości.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interlace</source>
        <translation>Przeplot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progressive JPEG, interlaced PNG: a blurry whole image shows first while loading.</source>
        <translation>Progresywny JPEG, PNG z przeplotem: podczas wczytywania najpierw widać rozmyty cały obraz.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Strip metadata</source>
        <translation>Usuń metadane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaves EXIF, XMP and ICC metadata out of the result: smaller files.</source>
        <translation>Pomija w wyniku metadane EXIF, XMP i ICC: mniejsze pliki.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Auto crop</source>
        <translation>Automatyczne kadrowanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra passes after the resize (before it when the resize fits inside the cut): cuts the largest area of the aspect ratio, biased to the top, then crops to the size. The quality, interlace and strip settings do not survive these passes (as Mort).</source>
        <translation>Dodatkowe przebiegi po zmianie rozmiaru (przed nią, gdy rozmiar mieści się w wycinku): wycina największy obszar o tych proporcjach, bliżej góry, potem kadruje do rozmiaru. Ustawienia jakości, przeplotu i usuwania metadanych nie przetrwają tych przebiegów (jak w Mort).</translation>
    </message>
</context>
<context>
    <name>mort::PreviewController</name>
    <message>
        <location filename="../ui/preview/previewcontroller.cpp" line="+20"/>
        <source>Open a JPEG, PNG, WebP, GIF, TIFF, AVIF or HEIF image.</source>
        <translation>Otwórz obraz JPEG, PNG, WebP, GIF, TIFF, AVIF lub HEIF.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open a smaller image or ask for a smaller output.</source>
        <translation>Otwórz mniejszy obraz lub poproś o mniejszy wynik.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the parameters or the preset.</source>
        <translation>Sprawdź parametry lub preset.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try other parameters, or open the image again.</source>
        <translation>Spróbuj innych parametrów lub otwórz obraz ponownie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server refused it</source>
        <translation>serwer odmówił</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 %3). %4</source>
        <translation>%1 (%2 %3). %4</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>This file is not an image the server reads. %1</source>
        <translation>Ten plik nie jest obrazem, który serwer potrafi odczytać. %1</translation>
    </message>
</context>
<context>
    <name>mort::PreviewForm</name>
    <message>
        <location filename="../ui/preview/previewform.cpp" line="+31"/>
        <source>keep the input&apos;s</source>
        <translation>jak wejście</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Operations (in order; drag to reorder)</source>
        <translation>Operacje (w kolejności; przeciągnij, by zmienić)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None checked: width/height resize the image (the query&apos;s implicit resize)</source>
        <translation>Nic nie zaznaczono: szerokość/wysokość skalują obraz (niejawne resize zapytania)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Parameters</source>
        <translation>Parametry</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>default</source>
        <translation>domyślnie</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>key in the bucket, e.g. logo.png</source>
        <translation>klucz w buckecie, np. logo.png</translation>
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
        <translation>Preset %1 nie powiódł się: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Before: %1 × %2, %3</source>
        <translation>Przed: %1 × %2, %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rendering…</source>
        <translation>Renderowanie…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open image…</source>
        <translation>Otwórz obraz…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open an image from disk (Ctrl+O); the arrow lists recent ones</source>
        <translation>Otwórz obraz z dysku (Ctrl+O); strzałka pokazuje ostatnie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No image: open one or drop it here</source>
        <translation>Brak obrazu: otwórz go lub upuść tutaj</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bucket whose presets, limits and watermark storage are used</source>
        <translation>Bucket, którego presety, limity i magazyn znaków wodnych są używane</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A preset of the bucket, or your own query parameters</source>
        <translation>Preset bucketu albo własne parametry zapytania</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the left side shows: the original, or another preset on the same image</source>
        <translation>Co pokazuje lewa strona: oryginał albo inny preset na tym samym obrazie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Side by side</source>
        <translation>Obok siebie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split</source>
        <translation>Podział</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toggle</source>
        <translation>Przełączanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side by side, one frame split by a divider, or one frame flipped by a click; every view zooms and pans together</source>
        <translation>Obok siebie, jedna ramka podzielona suwakiem albo jedna ramka przełączana kliknięciem; wszystkie widoki powiększają się i przesuwają razem</translation>
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
        <translation>Lewa:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>View:</source>
        <translation>Widok:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom:</source>
        <translation>Skala:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Copy URL</source>
        <translation>Kopiuj URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/preview/previewpanelactions.cpp" line="+46"/>
        <source>Copy the server&apos;s URL that returns this image</source>
        <translation>Kopiuj URL serwera, który zwraca ten obraz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy YAML</source>
        <translation>Kopiuj YAML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy a presets: entry for the bucket&apos;s transform section</source>
        <translation>Kopiuj wpis presets: do sekcji transform bucketu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact sheet…</source>
        <translation>Arkusz stykowy…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/preview/previewpanelactions.cpp" line="+2"/>
        <source>Every preset of the bucket on this image, side by side; exportable as PNG</source>
        <translation>Wszystkie presety bucketu na tym obrazie obok siebie; eksport do PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as preset…</source>
        <translation>Zapisz jako preset…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 %2 px is more than the server renders: bucket %3 allows at most %4 px per side (limits.maxOutputDimension). Enter %4 or less, or raise the limit in the config.</source>
        <translation>%1 %2 px to więcej, niż serwer wyrenderuje: bucket %3 dopuszcza najwyżej %4 px na bok (limits.maxOutputDimension). Wpisz %4 lub mniej albo podnieś limit w konfiguracji.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+31"/>
        <location line="+94"/>
        <source>Original</source>
        <translation>Oryginał</translation>
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
        <translation>Własne</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Custom (query parameters)</source>
        <translation>Własne parametry</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This preset also uses %1, which query parameters cannot express: editing the form renders without them.</source>
        <translation>Ten preset używa też %1, czego parametry zapytania nie wyrażą: edycja formularza renderuje bez tego.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 · %2 × %3 · %4 bytes · %5% of the source · %6 ms</source>
        <translation>%1 · %2 × %3 · %4 B · %5% źródła · %6 ms</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No result (see below).</source>
        <translation>Brak wyniku (patrz niżej).</translation>
    </message>
    <message>
        <location filename="../ui/preview/previewpanelactions.cpp" line="-19"/>
        <source>&amp;Open image…</source>
        <translation>&amp;Otwórz obraz…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open image from &amp;bucket…</source>
        <translation>Otwórz obraz z &amp;bucketu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as preset…</source>
        <translation>&amp;Zapisz jako preset…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;URL</source>
        <translation>Kopiuj &amp;URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contact sheet…</source>
        <translation>&amp;Arkusz stykowy…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open an image first (Ctrl+O)</source>
        <translation>Najpierw otwórz obraz (Ctrl+O)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No image open: open one (Ctrl+O), pick one from the bucket or drop it here.</source>
        <translation>Brak otwartego obrazu: otwórz go (Ctrl+O), wybierz z bucketu lub upuść tutaj.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open an image first: the contact sheet applies every preset to it.</source>
        <translation>Najpierw otwórz obraz: arkusz stykowy stosuje do niego wszystkie presety.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No URL for this preset: the bucket&apos;s transform.path does not use /bucket/&lt;preset&gt;/&lt;key&gt; or /bucket/&lt;key&gt;/&lt;preset&gt;.</source>
        <translation>Brak URL dla tego presetu: transform.path bucketu nie używa /bucket/&lt;preset&gt;/&lt;key&gt; ani /bucket/&lt;key&gt;/&lt;preset&gt;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copied %1 to the clipboard. The server answers it once %2 is stored in bucket %3.</source>
        <translation>Skopiowano %1 do schowka. Serwer odpowie na nie, gdy %2 znajdzie się w buckecie %3.</translation>
    </message>
    <message>
        <location filename="../ui/preview/previewpanelopen.cpp" line="+39"/>
        <source>%1 is not a file</source>
        <translation>%1 nie jest plikiem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is larger than %2</source>
        <translation>%1 jest większy niż %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read %1: %2</source>
        <translation>Nie można odczytać %1: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot read the server&apos;s config: %1. Press F5 or reattach to try again.</source>
        <translation>Nie można odczytać konfiguracji serwera: %1. Naciśnij F5 lub połącz ponownie, by spróbować jeszcze raz.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+19"/>
        <source>bucket %1: %2</source>
        <translation>bucket %1: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No recent images</source>
        <translation>Brak ostatnich obrazów</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open from bucket…</source>
        <translation>Otwórz z bucketu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An image stored in the current bucket</source>
        <translation>Obraz zapisany w bieżącym buckecie</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open image</source>
        <translation>Otwórz obraz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.avif *.heic);;All files (*)</source>
        <translation>Obrazy (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.avif *.heic);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../ui/preview/previewpanelsave.cpp" line="+35"/>
        <source>Saving needs a config file: start the studio with --config FILE</source>
        <translation>Zapis wymaga pliku konfiguracji: uruchom studio z --config PLIK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This bucket&apos;s transform kind &quot;%1&quot; has no presets; pick a bucket of kind presets or presets-query</source>
        <translation>Rodzaj transformacji „%1” tego bucketu nie ma presetów; wybierz bucket rodzaju presets lub presets-query</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save these settings as a preset of bucket %1 in %2 (Ctrl+S)</source>
        <translation>Zapisz te ustawienia jako preset bucketu %1 w %2 (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+3"/>
        <location line="+10"/>
        <location line="+56"/>
        <location line="+69"/>
        <source>The preset was not saved</source>
        <translation>Preset nie został zapisany</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>bucket %1 has no presets</source>
        <translation>bucket %1 nie ma presetów</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+80"/>
        <source>nothing to save: pick a preset or set some parameters</source>
        <translation>nie ma czego zapisać: wybierz preset lub ustaw parametry</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>these settings do not make a preset the server reads</source>
        <translation>z tych ustawień nie powstanie preset czytelny dla serwera</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Preset &quot;%1&quot; was not saved: %2.</source>
        <translation>Preset „%1” nie został zapisany: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving preset &quot;%1&quot; on %2…</source>
        <translation>Zapisywanie presetu „%1” na %2…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preset &quot;%1&quot; was not saved on %2: %3 %4 Check the parameters, or the server&apos;s log.</source>
        <translation>Preset „%1” nie został zapisany na %2: %3 %4 Sprawdź parametry lub dziennik serwera.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>It is in the server&apos;s running config only: the server may not write its config file, so add the preset there to keep it after a restart.</source>
        <translation>Jest tylko w bieżącej konfiguracji serwera: serwer nie może zapisać swojego pliku konfiguracji, więc dodaj tam preset, by przetrwał restart.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server also wrote it to %1 (the old file is %1.bak).</source>
        <translation>Serwer zapisał go też do %1 (stary plik to %1.bak).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved preset &quot;%1&quot; on %2: it serves %3. %4</source>
        <translation>Zapisano preset „%1” na %2: serwuje %3. %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no config file: start the studio with --config FILE</source>
        <translation>brak pliku konfiguracji: uruchom studio z --config PLIK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the preset needs a name without &apos;/&apos;, e.g. thumb_small</source>
        <translation>preset wymaga nazwy bez &apos;/&apos;, np. thumb_small</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read %1: %2</source>
        <translation>nie można odczytać %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>nothing to save: these settings change nothing; pick a preset or check an operation</source>
        <translation>nie ma czego zapisać: te ustawienia niczego nie zmieniają; wybierz preset lub zaznacz operację</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>no URL of bucket %1 reaches a preset named &quot;%2&quot;; its transform.path %3 decides which names work</source>
        <translation>żaden URL bucketu %1 nie trafia do presetu „%2”; o tym, które nazwy działają, decyduje jego transform.path %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no URL of bucket %1 reaches a preset named &quot;%2&quot;: its transform.path admits preset names matching %3 only</source>
        <translation>żaden URL bucketu %1 nie trafia do presetu „%2”: jego transform.path dopuszcza tylko nazwy pasujące do %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>; %1 would work</source>
        <translation>; %1 zadziała</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved, but the running server did not take the new config</source>
        <translation>Zapisano, ale działający serwer nie przyjął nowej konfiguracji</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Save as preset</source>
        <translation>Zapisz jako preset</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Results of the old preset already in the transform storage are still served until you delete them.</source>
        <translation>Wyniki starego presetu, które już są w magazynie transformacji, są serwowane, dopóki ich nie usuniesz.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file was rewritten: its comments were not kept (the old file is %1.bak).</source>
        <translation>Plik został przepisany: komentarze nie zostały zachowane (stary plik to %1.bak).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved preset &quot;%1&quot; to %2; its URL is %3.</source>
        <translation>Zapisano preset „%1” do %2; jego URL to %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved preset &quot;%1&quot; to %2; asking the embedded server for %3…</source>
        <translation>Zapisano preset „%1” do %2; pytanie wbudowanego serwera o %3…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved preset &quot;%1&quot; to %2.</source>
        <translation>Zapisano preset „%1” do %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whether the embedded server serves it is unknown: %1. Open %2 to check.</source>
        <translation>Nie wiadomo, czy wbudowany serwer go serwuje: %1. Otwórz %2, by sprawdzić.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>But the embedded server does not serve it: GET %1 answered %2 without the preset. Restart the studio to load %3, and check transform.path of bucket %4.</source>
        <translation>Ale wbudowany serwer go nie serwuje: GET %1 odpowiedział %2 bez presetu. Uruchom studio ponownie, by wczytać %3, i sprawdź transform.path bucketu %4.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The embedded server serves it: GET %1 answered 200, and mort-server -config %2 serves it too.</source>
        <translation>Wbudowany serwer go serwuje: GET %1 odpowiedział 200, a mort-server -config %2 też go serwuje.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The embedded server serves it: GET %1 reached the preset, and answered 404 only because %2 is not in bucket %3 (upload it there to see the result).</source>
        <translation>Wbudowany serwer go serwuje: GET %1 dotarł do presetu i odpowiedział 404 tylko dlatego, że %2 nie ma w buckecie %3 (wgraj go tam, by zobaczyć wynik).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The embedded server reached the preset at %1 but answered %2: open that URL to see why.</source>
        <translation>Wbudowany serwer dotarł do presetu pod %1, ale odpowiedział %2: otwórz ten URL, by zobaczyć dlaczego.</translation>
    </message>
</context>
<context>
    <name>mort::RemoteEngineClient</name>
    <message>
        <location filename="../app/client/remoteengineclient.cpp" line="+281"/>
        <source>The server refused the token (401): check MORT_ADMIN_TOKEN or the saved token.</source>
        <translation>Serwer odrzucił token (401): sprawdź MORT_ADMIN_TOKEN lub zapisany token.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connection refused</source>
        <translation>połączenie odrzucone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host not found</source>
        <translation>nie znaleziono hosta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no answer in time</source>
        <translation>brak odpowiedzi na czas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection was closed</source>
        <translation>połączenie zostało zamknięte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the TLS handshake failed</source>
        <translation>uzgadnianie TLS nie powiodło się</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot reach %1: %2. Is mort-server running and is internalListen reachable?</source>
        <translation>Nie można połączyć się z %1: %2. Czy mort-server działa i czy internalListen jest osiągalny?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 sent an answer the studio does not understand.</source>
        <translation>%1 wysłał odpowiedź, której studio nie rozumie.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 odpowiedział HTTP %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 odpowiedział HTTP %2: %3</translation>
    </message>
    <message>
        <location filename="../app/client/remotestudiocalls.cpp" line="+43"/>
        <source>The server refused the config</source>
        <translation>Serwer odrzucił konfigurację</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>cancelled</source>
        <translation>anulowano</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the server&apos;s display copy is no PNG</source>
        <translation>kopia serwera do wyświetlenia nie jest PNG</translation>
    </message>
</context>
<context>
    <name>mort::SavePresetDialog</name>
    <message>
        <location filename="../ui/preview/savepresetdialog.cpp" line="+17"/>
        <source>Save as preset</source>
        <translation>Zapisz jako preset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the new preset in bucket %1:</source>
        <translation>Nazwa nowego presetu w buckecie %1:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. hero_banner</source>
        <translation>np. hero_banner</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Enter a name for the new preset, e.g. hero_banner.</source>
        <translation>Wpisz nazwę nowego presetu, np. hero_banner.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Replace preset</source>
        <translation>Zastąp preset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bucket %1 already has a preset &quot;%2&quot;, and the server serves it. Replace it in %3?</source>
        <translation>Bucket %1 ma już preset „%2” i serwer go serwuje. Zastąpić go w %3?</translation>
    </message>
</context>
<context>
    <name>mort::ServerStatusPanel</name>
    <message>
        <location filename="../ui/status/serverstatuspanel.cpp" line="+21"/>
        <source>&amp;Retry</source>
        <translation>Ponó&amp;w</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Serwer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Live tasks by kind</source>
        <translation>Żywe zadania według rodzaju</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Try to reach the server again now</source>
        <translation>Spróbuj teraz ponownie połączyć się z serwerem</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>State:</source>
        <translation>Stan:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listening on:</source>
        <translation>Nasłuchuje na:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests:</source>
        <translation>Żądania:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transforms:</source>
        <translation>Transformacje:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory:</source>
        <translation>Pamięć:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache and lock:</source>
        <translation>Pamięć podręczna i blokada:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redis:</source>
        <translation>Serwer Redis:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server.cache.type and server.lock.type: memory is this process only; redis is shared by every instance on the same Redis</source>
        <translation>server.cache.type i server.lock.type: memory dotyczy tylko tego procesu; redis jest wspólny dla wszystkich instancji na tym samym Redisie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Requests to the image listeners since the server started; the studio&apos;s own calls to the admin API are not counted (they are &quot;admin&quot; tasks)</source>
        <translation>Żądania do adresów obrazów od startu serwera; własne wywołania API administracyjnego przez studio nie są liczone (to zadania „admin”)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Running since %1</source>
        <translation>Działa od %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>Zatrzymany</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (images)</source>
        <translation>%1 (obrazy)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (metrics)</source>
        <translation>%1 (metryki)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not listening</source>
        <translation>nie nasłuchuje</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 served, %2 in flight, %3 dropped (client left)</source>
        <translation>obsłużone: %1, w toku: %2, porzucone: %3 (klient odszedł)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 executed, %2 failed, %3 throttled</source>
        <translation>wykonane: %1, nieudane: %2, zdławione: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 resident, %2 held by libvips</source>
        <translation>rezydentna: %1, w libvips: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connecting to %1…</source>
        <translation>Łączenie z %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not connected to %1</source>
        <translation>Brak połączenia z %1</translation>
    </message>
</context>
<context>
    <name>mort::SplitCompareView</name>
    <message>
        <location filename="../ui/preview/splitcompareview.cpp" line="+135"/>
        <source>Open an image to compare.</source>
        <translation>Otwórz obraz do porównania.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source> (click or Space to flip)</source>
        <translation> (kliknij lub Spacja, by przełączyć)</translation>
    </message>
</context>
<context>
    <name>mort::StaleResultsBox</name>
    <message>
        <location filename="../ui/config/staleresultsbox.cpp" line="+29"/>
        <source>Delete stored results</source>
        <translation>Usuń zapisane wyniki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Zatrzymaj</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Presets changed since the server stored their results. What the old definition made is still served until it is deleted; deleted results are made again, with the new definition, on their next request.</source>
        <translation>Presety zmienione, odkąd serwer zapisał ich wyniki. To, co wykonała stara definicja, jest nadal serwowane, dopóki nie zostanie usunięte; usunięte wyniki powstaną ponownie, według nowej definicji, przy następnym żądaniu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stored results</source>
        <translation>Zapisane wyniki</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete the results the old definition stored for every original of the bucket, in the background</source>
        <translation>Usuń w tle wyniki zapisane przez starą definicję dla każdego oryginału w buckecie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop deleting; results already deleted stay deleted</source>
        <translation>Przerwij usuwanie; już usunięte wyniki pozostaną usunięte</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>kept, still served</source>
        <translation>zachowane, nadal serwowane</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleting: listing the originals...</source>
        <translation>usuwanie: wyszukiwanie oryginałów...</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>deleting: %1 of %2 originals, %n deleted</source>
        <translation>
            <numerusform>usuwanie: %1 z %2 oryginałów, usunięto %n</numerusform>
            <numerusform>usuwanie: %1 z %2 oryginałów, usunięto %n</numerusform>
            <numerusform>usuwanie: %1 z %2 oryginałów, usunięto %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n deleted</source>
        <translation>
            <numerusform>usunięto %n</numerusform>
            <numerusform>usunięto %n</numerusform>
            <numerusform>usunięto %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n deleted; %1 could not be deleted (see the server log)</source>
        <translation>
            <numerusform>usunięto %n; %1 nie dało się usunąć (zobacz dziennik serwera)</numerusform>
            <numerusform>usunięto %n; %1 nie dało się usunąć (zobacz dziennik serwera)</numerusform>
            <numerusform>usunięto %n; %1 nie dało się usunąć (zobacz dziennik serwera)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>stopped after %1 of %2 originals, %n deleted</source>
        <translation>
            <numerusform>zatrzymano po %1 z %2 oryginałów, usunięto %n</numerusform>
            <numerusform>zatrzymano po %1 z %2 oryginałów, usunięto %n</numerusform>
            <numerusform>zatrzymano po %1 z %2 oryginałów, usunięto %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not deleted: %1</source>
        <translation>nie usunięto: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>removed at %1</source>
        <translation>usunięty o %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changed at %1</source>
        <translation>zmieniony o %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 of %2 originals</source>
        <translation>%1 z %2 oryginałów</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stored results not deleted: %1. Wait for the running deletion to end, or check the connection, then try again.</source>
        <translation>Nie usunięto zapisanych wyników: %1. Poczekaj na koniec trwającego usuwania albo sprawdź połączenie, potem spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not stop the deletion: %1. Check the connection, then press Stop again.</source>
        <translation>Nie udało się przerwać usuwania: %1. Sprawdź połączenie, potem ponownie naciśnij Zatrzymaj.</translation>
    </message>
</context>
<context>
    <name>mort::StatsHistory</name>
    <message>
        <location filename="../ui/dashboard/statshistory.cpp" line="+86"/>
        <source>Time</source>
        <translation>Czas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident</source>
        <translation>Rezydentna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>libvips</source>
        <translation>libvips</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests/s</source>
        <translation>Żądania/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In flight</source>
        <translation>W toku</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transforms</source>
        <translation>Transformacje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throttled/s</source>
        <translation>Zdławione/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache</source>
        <translation>Pamięć podręczna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hit ratio</source>
        <translation>Współczynnik trafień</translation>
    </message>
</context>
<context>
    <name>mort::TaskCountsModel</name>
    <message>
        <location filename="../ui/activity/taskcountsmodel.cpp" line="+64"/>
        <source>Task kind</source>
        <translation>Rodzaj zadania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>Żywe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Rozpoczęte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Zakończone</translation>
    </message>
</context>
<context>
    <name>mort::TokenStore</name>
    <message>
        <location filename="../ui/connection/tokenstore.cpp" line="+23"/>
        <source>The keychain could not be read: %1</source>
        <translation>Nie można odczytać pęku kluczy: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The token could not be saved in the keychain: %1</source>
        <translation>Nie można zapisać tokenu w pęku kluczy: %1</translation>
    </message>
</context>
</TS>
