<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ApplicationCertificate</name>
    <message>
        <source>the certificate cannot be encoded</source>
        <translation>Das Zertifikat lässt sich nicht kodieren</translation>
    </message>
    <message>
        <source>the own certificate needs the host name of this machine</source>
        <translation>Das eigene Zertifikat braucht den Hostnamen dieses Rechners</translation>
    </message>
    <message>
        <source>cannot make a certificate: %1</source>
        <translation>Das Zertifikat kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>%1 is no IP address</source>
        <translation>%1 ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>the own certificate %1 and the private key %2 are missing, damaged or do not belong together; import a certificate with its key or renew</source>
        <translation>Das eigene Zertifikat %1 und der private Schlüssel %2 fehlen, sind beschädigt oder gehören nicht zusammen; importieren Sie ein Zertifikat mit seinem Schlüssel oder erneuern Sie es</translation>
    </message>
    <message>
        <source>the private key does not belong to the certificate %1</source>
        <translation>Der private Schlüssel gehört nicht zum Zertifikat %1</translation>
    </message>
    <message>
        <source>the key of %1 is not an RSA key; the OPC UA security policies Tandem offers need RSA</source>
        <translation>Der Schlüssel von %1 ist kein RSA-Schlüssel; die OPC-UA-Sicherheitsrichtlinien, die Tandem anbietet, brauchen RSA</translation>
    </message>
    <message>
        <source>the certificate %1 has no URI in its subjectAltName; OPC UA needs the application&apos;s ApplicationUri there (OPC 10000-6 §6.2.2)</source>
        <translation>Das Zertifikat %1 hat keine URI in seinem subjectAltName; OPC UA braucht dort die ApplicationUri der Anwendung (OPC 10000-6 §6.2.2)</translation>
    </message>
    <message>
        <source>the certificate %1 is valid only from %2 to %3</source>
        <translation>Das Zertifikat %1 ist nur von %2 bis %3 gültig</translation>
    </message>
    <message>
        <source>the certificate to import is %1</source>
        <translation>Das zu importierende Zertifikat: %1</translation>
    </message>
    <message>
        <source>the key to import: %1</source>
        <translation>Der zu importierende Schlüssel: %1</translation>
    </message>
    <message>
        <source>the file to import is not a PKCS#12 file</source>
        <translation>Die zu importierende Datei ist keine PKCS#12-Datei</translation>
    </message>
    <message>
        <source>the password of the PKCS#12 file is wrong</source>
        <translation>Das Passwort der PKCS#12-Datei ist falsch</translation>
    </message>
    <message>
        <source>the PKCS#12 file cannot be read (%1); it may use an encryption OpenSSL 3 no longer offers by default (RC2, 3DES)</source>
        <translation>Die PKCS#12-Datei kann nicht gelesen werden (%1); sie verwendet vielleicht eine Verschlüsselung, die OpenSSL 3 standardmäßig nicht mehr anbietet (RC2, 3DES)</translation>
    </message>
    <message>
        <source>the PKCS#12 file holds no certificate with its private key</source>
        <translation>Die PKCS#12-Datei enthält kein Zertifikat mit seinem privaten Schlüssel</translation>
    </message>
</context>
<context>
    <name>BackupArchive</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot copy %1: %2</source>
        <translation>%1 kann nicht kopiert werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Tandem backup: it is too large (%2 bytes)</source>
        <translation>%1 ist keine Tandem-Sicherung: die Datei ist zu groß (%2 Bytes)</translation>
    </message>
    <message>
        <source>%1 is not a Tandem backup: %2</source>
        <translation>%1 ist keine Tandem-Sicherung: %2</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>%1 is not a Tandem backup: it does not start with %2</source>
        <translation>%1 ist keine Tandem-Sicherung: die Datei beginnt nicht mit %2</translation>
    </message>
    <message>
        <source>%1 is not a Tandem backup: %2 is not a Tandem manifest</source>
        <translation>%1 ist keine Tandem-Sicherung: %2 ist kein Tandem-Manifest</translation>
    </message>
    <message>
        <source>%1 is a Tandem backup of format version %2; this Tandem reads version %3</source>
        <translation>%1 ist eine Tandem-Sicherung im Format Version %2; dieses Tandem liest Version %3</translation>
    </message>
    <message>
        <source>%1 is damaged: its manifest lists &apos;%2&apos;, which is not part of a Tandem backup</source>
        <translation>%1 ist beschädigt: das Manifest nennt &apos;%2&apos;, das nicht zu einer Tandem-Sicherung gehört</translation>
    </message>
    <message>
        <source>%1 is damaged: its manifest lists %2 twice</source>
        <translation>%1 ist beschädigt: das Manifest nennt %2 zweimal</translation>
    </message>
    <message>
        <source>%1 is damaged: it holds %2, which its manifest does not list</source>
        <translation>%1 ist beschädigt: die Sicherung enthält %2, das im Manifest nicht aufgeführt ist</translation>
    </message>
    <message>
        <source>bad checksum of %1 in %2: the archive is damaged</source>
        <translation>Falsche Prüfsumme von %1 in %2: das Archiv ist beschädigt</translation>
    </message>
    <message>
        <source>%1 is damaged: %2 is missing</source>
        <translation>%1 ist beschädigt: %2 fehlt</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write in %1: %2</source>
        <translation>In %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the engine is running (it answers on %1): stop it first, then restore</source>
        <translation>Die Engine läuft (sie antwortet auf %1): zuerst beenden, dann wiederherstellen</translation>
    </message>
    <message>
        <source>%1 in %2 is not a valid configuration: %3</source>
        <translation>%1 in %2 ist keine gültige Konfiguration: %3</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>Der Ordner von %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>kept the previous %1 as %2</source>
        <translation>Die bisherige Datei %1 wurde als %2 aufbewahrt</translation>
    </message>
    <message>
        <source>restored %1</source>
        <translation>%1 wiederhergestellt</translation>
    </message>
    <message>
        <source>every pair is disabled; enable them with: tandemctl pair enable NAME</source>
        <translation>Alle Paare sind deaktiviert; aktivieren Sie sie mit: tandemctl pair enable NAME</translation>
    </message>
    <message>
        <source>mail %1 is from &apos;%2&apos;, but the configured sender is &apos;%3&apos;</source>
        <translation>Mail %1 stammt von „%2“, der eingestellte Absender ist aber „%3“</translation>
    </message>
    <message>
        <source>mail %1 goes to &apos;%2&apos;, who is not a configured recipient</source>
        <translation>Mail %1 geht an „%2“, der kein eingestellter Empfänger ist</translation>
    </message>
    <message>
        <source>the event could not be recorded: %1</source>
        <translation>das Ereignis konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1 cannot be restored: %2</source>
        <translation>%1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>left out the e-mail outbox of the backup: %1</source>
        <translation>den E-Mail-Postausgang der Sicherung ausgelassen: %1</translation>
    </message>
</context>
<context>
    <name>BackupRetention</name>
    <message>
        <source>cannot delete %1: %2</source>
        <translation>%1 kann nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>Certificate</name>
    <message>
        <source>not an X.509 certificate</source>
        <translation>kein X.509-Zertifikat</translation>
    </message>
    <message>
        <source>not an X.509 certificate (%1)</source>
        <translation>kein X.509-Zertifikat (%1)</translation>
    </message>
    <message>
        <source>the certificate cannot be encoded as DER</source>
        <translation>Das Zertifikat lässt sich nicht als DER kodieren</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>certificate %1 of the chain is no X.509 certificate</source>
        <translation>Zertifikat %1 der Kette ist kein X.509-Zertifikat</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>kein Zertifikat</translation>
    </message>
    <message>
        <source>%1 is too large to be a certificate</source>
        <translation>%1 ist zu groß für ein Zertifikat</translation>
    </message>
</context>
<context>
    <name>CertificateDetails</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Thumbprint (SHA-1)</source>
        <translation>Fingerabdruck (SHA-1)</translation>
    </message>
    <message>
        <source>Application URI</source>
        <translation>Anwendungs-URI</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>%1 (self-signed)</source>
        <translation>%1 (selbstsigniert)</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>This certificate has expired.</source>
        <translation>Dieses Zertifikat ist abgelaufen.</translation>
    </message>
    <message>
        <source>This certificate is not valid yet.</source>
        <translation>Dieses Zertifikat ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>Host names</source>
        <translation>Hostnamen</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP-Adressen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>RSA %1 bits, %2</source>
        <translation>RSA %1 Bit, %2</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
</context>
<context>
    <name>CertificateValidator</name>
    <message>
        <source>the peer&apos;s certificate cannot be read: %1</source>
        <translation>Das Zertifikat der Gegenstelle kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>kein Zertifikat</translation>
    </message>
    <message>
        <source>the certificate %1 is malformed (not X.509 version 3, or an extension that cannot be decoded)</source>
        <translation>Das Zertifikat %1 ist fehlerhaft aufgebaut (nicht X.509 Version 3 oder eine Erweiterung, die sich nicht dekodieren lässt)</translation>
    </message>
    <message>
        <source>it could not be copied to rejected/: %1</source>
        <translation>es konnte nicht nach rejected/ kopiert werden: %1</translation>
    </message>
    <message>
        <source>it was copied to %1</source>
        <translation>es wurde nach %1 kopiert</translation>
    </message>
    <message>
        <source>the chain of %1 is longer than %2 certificates</source>
        <translation>Die Kette von %1 ist länger als %2 Zertifikate</translation>
    </message>
    <message>
        <source>the signature of %1 does not verify with the key of its issuer &quot;%2&quot;</source>
        <translation>Die Signatur von %1 lässt sich mit dem Schlüssel seines Ausstellers „%2“ nicht bestätigen</translation>
    </message>
    <message>
        <source>the issuer &quot;%1&quot; of %2 is in neither trusted/certs nor issuers/certs</source>
        <translation>Der Aussteller „%1“ von %2 ist weder in trusted/certs noch in issuers/certs</translation>
    </message>
    <message>
        <source>the chain of %1 runs in a circle</source>
        <translation>Die Kette von %1 läuft im Kreis</translation>
    </message>
    <message>
        <source>the key of %1 has %2 bits; the security policy asks for %3 to %4</source>
        <translation>Der Schlüssel von %1 hat %2 Bit; die Sicherheitsrichtlinie verlangt %3 bis %4</translation>
    </message>
    <message>
        <source>%1 is signed with SHA-1, which the security policy does not accept</source>
        <translation>%1 ist mit SHA-1 signiert, das die Sicherheitsrichtlinie nicht annimmt</translation>
    </message>
    <message>
        <source>the certificate %1 is not trusted, nor is a CA of its chain</source>
        <translation>Dem Zertifikat %1 wird nicht vertraut, auch keiner Zertifizierungsstelle seiner Kette</translation>
    </message>
    <message>
        <source>%1 is valid from %2 to %3, and it is %4</source>
        <translation>%1 ist von %2 bis %3 gültig, und es ist %4</translation>
    </message>
    <message>
        <source>%1 names the hosts %2, not %3</source>
        <translation>%1 nennt die Hosts %2, nicht %3</translation>
    </message>
    <message>
        <source>%1 carries the ApplicationUri &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>%1 trägt die ApplicationUri „%2“, nicht „%3“</translation>
    </message>
    <message>
        <source>the key usage of %1 does not allow digitalSignature, keyEncipherment and dataEncipherment</source>
        <translation>Die Schlüsselverwendung von %1 erlaubt nicht digitalSignature, keyEncipherment und dataEncipherment</translation>
    </message>
    <message>
        <source>the extended key usage of %1 does not allow serverAuth</source>
        <translation>Die erweiterte Schlüsselverwendung von %1 erlaubt kein serverAuth</translation>
    </message>
    <message>
        <source>the extended key usage of %1 does not allow clientAuth</source>
        <translation>Die erweiterte Schlüsselverwendung von %1 erlaubt kein clientAuth</translation>
    </message>
    <message>
        <source>%1 issued %2 but is no CA allowed to sign certificates</source>
        <translation>%1 hat %2 ausgestellt, ist aber keine Zertifizierungsstelle, die Zertifikate signieren darf</translation>
    </message>
    <message>
        <source>the CA %1 that issued %2 has no revocation list in trusted/crl or issuers/crl</source>
        <translation>Die Zertifizierungsstelle %1, die %2 ausgestellt hat, hat keine Sperrliste in trusted/crl oder issuers/crl</translation>
    </message>
    <message>
        <source>%1 is revoked by its CA %2</source>
        <translation>%1 ist von seiner Zertifizierungsstelle %2 gesperrt</translation>
    </message>
</context>
<context>
    <name>ComputerId</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 does not hold a machine id</source>
        <translation>%1 enthält keine Machine-ID</translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>the file is empty</source>
        <translation>Die Datei ist leer</translation>
    </message>
    <message>
        <source>elements are nested too deeply</source>
        <translation>Die Elemente sind zu tief verschachtelt</translation>
    </message>
    <message>
        <source>document type declarations are not allowed</source>
        <translation>Dokumenttyp-Deklarationen sind nicht erlaubt</translation>
    </message>
    <message>
        <source>not well-formed XML: %1</source>
        <translation>Kein wohlgeformtes XML: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>&apos;%1&apos; ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not true or false</source>
        <translation>&apos;%1&apos; ist weder true noch false</translation>
    </message>
    <message>
        <source>unknown element &lt;%1&gt;</source>
        <translation>Unbekanntes Element &lt;%1&gt;</translation>
    </message>
    <message>
        <source>unknown attribute &apos;%1&apos;</source>
        <translation>Unbekanntes Attribut &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a data type (Default, Boolean, Word, Short, DWord, Long, Float, Double)</source>
        <translation>&apos;%1&apos; ist kein Datentyp (Default, Boolean, Word, Short, DWord, Long, Float, Double)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a trigger (bad-quality, value, no-change)</source>
        <translation>&apos;%1&apos; ist kein Auslöser (bad-quality, value, no-change)</translation>
    </message>
    <message>
        <source>a &lt;pair&gt; needs a name attribute</source>
        <translation>Ein &lt;pair&gt; braucht ein name-Attribut</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a protocol (modbus-tcp, opcua)</source>
        <translation>&apos;%1&apos; ist kein Protokoll (modbus-tcp, opcua)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a connection mode (cold, warm, hot)</source>
        <translation>&apos;%1&apos; ist kein Verbindungsmodus (cold, warm, hot)</translation>
    </message>
    <message>
        <source>&lt;alias-of&gt; needs the original name</source>
        <translation>&lt;alias-of&gt; braucht den ursprünglichen Namen</translation>
    </message>
    <message>
        <source>the pair has no &lt;listen&gt; endpoint</source>
        <translation>Das Paar hat keinen &lt;listen&gt;-Endpunkt</translation>
    </message>
    <message>
        <source>the pair has no &lt;primary&gt; machine</source>
        <translation>Das Paar hat keinen &lt;primary&gt;-Rechner</translation>
    </message>
    <message>
        <source>the pair has no &lt;secondary&gt; machine</source>
        <translation>Das Paar hat keinen &lt;secondary&gt;-Rechner</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>Kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>is %1 bytes, larger than any configuration could be</source>
        <translation>Ist %1 Bytes groß, größer als jede Konfiguration sein kann</translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not a Tandem configuration (expected &lt;tandem&gt;)</source>
        <translation>&lt;%1&gt; ist keine Tandem-Konfiguration (erwartet: &lt;tandem&gt;)</translation>
    </message>
    <message>
        <source>&lt;tandem&gt; has no valid version attribute</source>
        <translation>&lt;tandem&gt; hat kein gültiges version-Attribut</translation>
    </message>
    <message>
        <source>written by a newer Tandem (schema version %1; this version reads up to %2). Update Tandem; the file was left unchanged.</source>
        <translation>Von einem neueren Tandem geschrieben (Schemaversion %1; diese Version liest bis %2). Aktualisieren Sie Tandem; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>schema version %1 is older than any this version can read; the file was left unchanged</source>
        <translation>Schemaversion %1 ist älter als jede, die diese Version lesen kann; die Datei wurde nicht verändert</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot be written: %1</source>
        <translation>Kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a way of connecting to the servers (shared, per-client)</source>
        <translation>&apos;%1&apos; ist keine Art, sich mit den Servern zu verbinden (shared, per-client)</translation>
    </message>
</context>
<context>
    <name>ConfigValidator</name>
    <message>
        <source>must be from %1 to %2%3 (is %4)</source>
        <translation>Muss zwischen %1 und %2%3 liegen (ist %4)</translation>
    </message>
    <message>
        <source>a name is required</source>
        <translation>Ein Name ist erforderlich</translation>
    </message>
    <message>
        <source>&apos;%1&apos; starts or ends with a space</source>
        <translation>&apos;%1&apos; beginnt oder endet mit einem Leerzeichen</translation>
    </message>
    <message>
        <source>a name can have at most 128 characters</source>
        <translation>Ein Name darf höchstens 128 Zeichen lang sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; contains &apos;%2&apos;: names cannot include the characters &lt;, &gt; and &amp;</source>
        <translation>&apos;%1&apos; enthält &apos;%2&apos;: Namen dürfen die Zeichen &lt;, &gt; und &amp; nicht enthalten</translation>
    </message>
    <message>
        <source>&apos;%1&apos; contains a control character</source>
        <translation>&apos;%1&apos; enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address like operator@plant.example</source>
        <translation>&apos;%1&apos; ist keine E-Mail-Adresse wie operator@plant.example</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an SMTP server URL like smtp://mail.plant.example:587 or smtps://mail.plant.example</source>
        <translation>&apos;%1&apos; ist keine SMTP-Server-URL wie smtp://mail.plant.example:587 oder smtps://mail.plant.example</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid host name or IP address</source>
        <translation>&apos;%1&apos; ist kein gültiger Hostname und keine gültige IP-Adresse</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: port must be a number from 1 to 65535</source>
        <translation>&apos;%1&apos;: Der Port muss eine Zahl von 1 bis 65535 sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: give the user name separately; the password belongs in the keychain</source>
        <translation>&apos;%1&apos;: Geben Sie den Benutzernamen separat an; das Passwort gehört in den Schlüsselbund</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: an SMTP URL has no path</source>
        <translation>&apos;%1&apos;: Eine SMTP-URL hat keinen Pfad</translation>
    </message>
    <message>
        <source>an item ID is required</source>
        <translation>Eine Element-ID ist erforderlich</translation>
    </message>
    <message>
        <source>the &apos;specific value&apos; trigger needs the value to watch for</source>
        <translation>Der Auslöser „bestimmter Wert“ braucht den zu überwachenden Wert</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; Modbus items hold numbers</source>
        <translation>&apos;%1&apos; ist keine Zahl; Modbus-Elemente enthalten Zahlen</translation>
    </message>
    <message>
        <source>the &apos;no change&apos; trigger needs a time in milliseconds (is &apos;%1&apos;)</source>
        <translation>Der Auslöser „keine Änderung“ braucht eine Zeit in Millisekunden (ist &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>must be at least twice the update rate, %1 ms (is %2)</source>
        <translation>Muss mindestens die doppelte Aktualisierungsrate sein, %1 ms (ist %2)</translation>
    </message>
    <message>
        <source>must be at most %1 ms (is %2)</source>
        <translation>Darf höchstens %1 ms sein (ist %2)</translation>
    </message>
    <message>
        <source>Cold mode does not support &quot;Always reconnect to primary machine&quot;; choose Warm or Hot, or turn the option off</source>
        <translation>Der Modus Cold unterstützt „Immer zum Primärrechner zurückschalten“ nicht; wählen Sie Warm oder Hot, oder schalten Sie die Option aus</translation>
    </message>
    <message>
        <source>the status timeout (%1 ms) must not be longer than the status interval (%2 ms)</source>
        <translation>Das Status-Timeout (%1 ms) darf nicht länger als das Statusintervall (%2 ms) sein</translation>
    </message>
    <message>
        <source>at most %1 monitor items per pair</source>
        <translation>Höchstens %1 Überwachungselemente pro Paar</translation>
    </message>
    <message>
        <source>must be from 1 to the number of monitor items, %1 (is %2)</source>
        <translation>Muss zwischen 1 und der Anzahl der Überwachungselemente liegen, %1 (ist %2)</translation>
    </message>
    <message>
        <source>a user name is for OPC UA pairs only; Modbus TCP has no log-in</source>
        <translation>Ein Benutzername gilt nur für OPC-UA-Paare; Modbus TCP kennt keine Anmeldung</translation>
    </message>
    <message>
        <source>the user name &apos;%1&apos; starts or ends with blanks or holds a line break</source>
        <translation>Der Benutzername &apos;%1&apos; beginnt oder endet mit Leerzeichen oder enthält einen Zeilenumbruch</translation>
    </message>
    <message>
        <source>the name &apos;%1&apos; is used by two pairs</source>
        <translation>Der Name &apos;%1&apos; wird von zwei Paaren verwendet</translation>
    </message>
    <message>
        <source>endpoint %1 is already used by pair &apos;%2&apos;</source>
        <translation>Endpunkt %1 wird bereits von Paar &apos;%2&apos; verwendet</translation>
    </message>
    <message>
        <source>e-mail is enabled but no primary SMTP server is set</source>
        <translation>E-Mail ist aktiviert, aber kein primärer SMTP-Server ist angegeben</translation>
    </message>
    <message>
        <source>e-mail is enabled but no sender (From) is set</source>
        <translation>E-Mail ist aktiviert, aber kein Absender (Von) ist angegeben</translation>
    </message>
    <message>
        <source>e-mail is enabled but there is no recipient (To)</source>
        <translation>E-Mail ist aktiviert, aber es gibt keinen Empfänger (An)</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: give the CA file as an absolute path</source>
        <translation>&apos;%1&apos;: Geben Sie die CA-Datei als absoluten Pfad an</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known event id</source>
        <translation>&apos;%1&apos; ist keine bekannte Ereignis-ID</translation>
    </message>
    <message>
        <source>the backup directory &apos;%1&apos; is not an absolute path</source>
        <translation>Das Sicherungsverzeichnis &apos;%1&apos; ist kein absoluter Pfad</translation>
    </message>
    <message>
        <source>security policies are for OPC UA pairs only</source>
        <translation>Sicherheitsrichtlinien gibt es nur für OPC-UA-Paare</translation>
    </message>
    <message>
        <source>the security policy %1 is deprecated: allow deprecated policies for this pair to use it</source>
        <translation>die Sicherheitsrichtlinie %1 ist veraltet: erlauben Sie veraltete Richtlinien für dieses Paar, um sie zu verwenden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a certificate thumbprint (40 hexadecimal digits, SHA-1)</source>
        <translation>&apos;%1&apos; ist kein Zertifikat-Fingerabdruck (40 Hexadezimalziffern, SHA-1)</translation>
    </message>
    <message>
        <source>an expected server certificate needs a security policy other than None</source>
        <translation>ein erwartetes Serverzertifikat braucht eine andere Sicherheitsrichtlinie als None</translation>
    </message>
    <message>
        <source>the endpoint must offer at least one security policy</source>
        <translation>der Endpunkt muss mindestens eine Sicherheitsrichtlinie anbieten</translation>
    </message>
    <message>
        <source>the deprecated security policy %1 is not offered to clients; choose Basic256Sha256 or newer</source>
        <translation>die veraltete Sicherheitsrichtlinie %1 wird Clients nicht angeboten; wählen Sie Basic256Sha256 oder neuer</translation>
    </message>
    <message>
        <source>the pair has no user to accept: give it one, or accept the OPC UA users instead</source>
        <translation>das Paar hat keinen Benutzer, der angenommen werden könnte: geben Sie ihm einen, oder nehmen Sie stattdessen die OPC-UA-Benutzer an</translation>
    </message>
</context>
<context>
    <name>ControlServer</name>
    <message>
        <source>another Tandem engine is already running with the state directory %1 (socket %2)</source>
        <translation>Eine andere Tandem-Engine läuft bereits mit dem Statusverzeichnis %1 (Socket %2)</translation>
    </message>
    <message>
        <source>cannot open the control socket %1: %2</source>
        <translation>Der Steuer-Socket %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>not a JSON object: %1</source>
        <translation>Kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <source>no Tandem engine is running with the state directory %1 (%2)</source>
        <translation>Keine Tandem-Engine läuft mit dem Statusverzeichnis %1 (%2)</translation>
    </message>
    <message>
        <source>the engine did not answer within %1 ms</source>
        <translation>Die Engine hat nicht innerhalb von %1 ms geantwortet</translation>
    </message>
    <message>
        <source>the engine sent an answer that is not JSON</source>
        <translation>Die Engine hat eine Antwort gesendet, die kein JSON ist</translation>
    </message>
    <message>
        <source>another Tandem engine may be running with the state directory %1: its socket %2 is not accessible to this user (for the system service, join the group tandem)</source>
        <translation>Möglicherweise läuft eine andere Tandem-Engine mit dem Statusverzeichnis %1: Deren Socket %2 ist für diesen Benutzer nicht zugänglich (für den Systemdienst muss der Benutzer der Gruppe tandem angehören)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs the administrator role (root, the user the engine runs as, or a member of the group tandem-admin); %2 (uid %3) has the %4 role</source>
        <translation>&apos;%1&apos; erfordert die Administratorrolle (root, der Benutzer, unter dem die Engine läuft, oder ein Mitglied der Gruppe tandem-admin); %2 (UID %3) hat die Rolle %4</translation>
    </message>
    <message>
        <source>%1 (uid %2) may not use this engine: join the group tandem (or tandem-admin)</source>
        <translation>%1 (UID %2) darf diese Engine nicht verwenden: Treten Sie der Gruppe tandem (oder tandem-admin) bei</translation>
    </message>
</context>
<context>
    <name>DataType</name>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
</context>
<context>
    <name>DurableFile</name>
    <message>
        <source>cannot sync the folder %1: %2</source>
        <translation>Der Ordner %1 kann nicht synchronisiert werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot remove %1: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>cannot rename %1: %2</source>
        <translation>%1 kann nicht umbenannt werden: %2</translation>
    </message>
    <message>
        <source>cannot wipe %1: %2</source>
        <translation>%1 kann nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 ist beschädigt: %2</translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <source>&apos;%1&apos; has an opening &apos;[&apos; without a closing &apos;]&apos;</source>
        <translation>&apos;%1&apos; hat eine öffnende &apos;[&apos; ohne schließende &apos;]&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: expected &apos;:PORT&apos; after &apos;]&apos;</source>
        <translation>&apos;%1&apos;: Nach &apos;]&apos; wird &apos;:PORT&apos; erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: write IPv6 addresses in brackets, like [::1]:502</source>
        <translation>&apos;%1&apos;: IPv6-Adressen in eckigen Klammern schreiben, etwa [::1]:502</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: port must be a number from 1 to 65535</source>
        <translation>&apos;%1&apos;: Der Port muss eine Zahl von 1 bis 65535 sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no host name or address</source>
        <translation>&apos;%1&apos; hat keinen Hostnamen und keine Adresse</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid host name or IP address</source>
        <translation>&apos;%1&apos; ist kein gültiger Hostname und keine gültige IP-Adresse</translation>
    </message>
    <message>
        <source>no machine given: enter a host name or IP address</source>
        <translation>Kein Rechner angegeben: Geben Sie einen Hostnamen oder eine IP-Adresse ein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an OPC UA machine: write host[:port][/path] or opc.tcp://host[:port][/path]</source>
        <translation>&apos;%1&apos; ist kein OPC-UA-Rechner: Schreiben Sie host[:port][/pfad] oder opc.tcp://host[:port][/pfad]</translation>
    </message>
    <message>
        <source>no endpoint given: clients need an address and port to connect to</source>
        <translation>Kein Endpunkt angegeben: Clients brauchen eine Adresse und einen Port zum Verbinden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no port: write ADDRESS:PORT, like 127.0.0.1:1502</source>
        <translation>&apos;%1&apos; hat keinen Port: Schreiben Sie ADRESSE:PORT, etwa 127.0.0.1:1502</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an OPC UA URL like opc.tcp://localhost:4841/line1</source>
        <translation>&apos;%1&apos; ist keine OPC-UA-URL wie opc.tcp://localhost:4841/line1</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the path must not contain spaces, control characters, &apos;?&apos; or &apos;#&apos;</source>
        <translation>&apos;%1&apos;: Der Pfad darf keine Leerzeichen, Steuerzeichen, &apos;?&apos; oder &apos;#&apos; enthalten</translation>
    </message>
</context>
<context>
    <name>GraceSeal</name>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged</source>
        <translation>%1 ist beschädigt</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>the Computer ID is unknown</source>
        <translation>die Computer-ID ist unbekannt</translation>
    </message>
    <message>
        <source>it is not sealed</source>
        <translation>er ist nicht versiegelt</translation>
    </message>
    <message>
        <source>its seal does not match</source>
        <translation>sein Siegel passt nicht</translation>
    </message>
</context>
<context>
    <name>ItemAddress</name>
    <message>
        <source>&apos;%1&apos;: the unit before &apos;:&apos; must be a number from 0 to 255</source>
        <translation>&apos;%1&apos;: Die Unit vor &apos;:&apos; muss eine Zahl von 0 bis 255 sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Modbus reference: write [UNIT:]Txxxxx, T = 0 coil, 1 discrete input, 3 input register, 4 holding register (e.g. 400001 or 2:300010)</source>
        <translation>&apos;%1&apos; ist keine Modbus-Referenz: Schreiben Sie [UNIT:]Txxxxx, T = 0 Coil, 1 Discrete Input, 3 Input Register, 4 Holding Register (z. B. 400001 oder 2:300010)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the first digit must be 0, 1, 3 or 4 (coil, discrete input, input register, holding register)</source>
        <translation>&apos;%1&apos;: Die erste Ziffer muss 0, 1, 3 oder 4 sein (Coil, Discrete Input, Input Register, Holding Register)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the reference after the table digit must be from 1 to 65536</source>
        <translation>&apos;%1&apos;: Die Referenz nach der Tabellenziffer muss zwischen 1 und 65536 liegen</translation>
    </message>
    <message>
        <source>coils and discrete inputs hold single bits: use data type Default or Boolean, not %1</source>
        <translation>Coils und Discrete Inputs enthalten einzelne Bits: Verwenden Sie den Datentyp Default oder Boolean, nicht %1</translation>
    </message>
    <message>
        <source>a %1 at %2 would run past the last address 65536</source>
        <translation>Ein %1 an %2 würde über die letzte Adresse 65536 hinausreichen</translation>
    </message>
</context>
<context>
    <name>LicenseFile</name>
    <message>
        <source>%1 holds a serial number that is not valid: %2</source>
        <translation>%1 enthält eine ungültige Seriennummer: %2</translation>
    </message>
    <message>
        <source>the stored unlock password does not fit this computer (Computer ID %1); unlock the license again</source>
        <translation>Das gespeicherte Freischaltpasswort passt nicht zu diesem Computer (Computer-ID %1); schalten Sie die Lizenz erneut frei</translation>
    </message>
    <message>
        <source>%1; move the file away to enter a new serial number</source>
        <translation>%1; verschieben Sie die Datei, um eine neue Seriennummer einzugeben</translation>
    </message>
    <message>
        <source>this serial number is installed already</source>
        <translation>Diese Seriennummer ist bereits installiert</translation>
    </message>
    <message>
        <source>a license (serial no. %1) is installed on this computer already; transfer it away first so that it is not lost</source>
        <translation>Auf diesem Computer ist bereits eine Lizenz (Seriennr. %1) installiert; übertragen Sie sie zuerst weg, damit sie nicht verloren geht</translation>
    </message>
    <message>
        <source>enter a serial number first (Help › Purchase a License)</source>
        <translation>Geben Sie zuerst eine Seriennummer ein (Hilfe › Lizenz kaufen)</translation>
    </message>
    <message>
        <source>the start of the grace period in %1 was changed, or the license was copied from another computer or folder (%2): the grace period has ended; unlock the license (Help › Unlock a License)</source>
        <translation>Der Beginn der Karenzzeit in %1 wurde geändert, oder die Lizenz wurde von einem anderen Computer oder Ordner kopiert (%2): Die Karenzzeit ist beendet; schalten Sie die Lizenz frei (Hilfe › Lizenz freischalten)</translation>
    </message>
    <message>
        <source>its start is missing</source>
        <translation>sein Beginn fehlt</translation>
    </message>
</context>
<context>
    <name>LicenseStatus</name>
    <message>
        <source>Demo: full function for 2 hours per engine start</source>
        <translation>Demo: voller Funktionsumfang für 2 Stunden je Engine-Start</translation>
    </message>
    <message numerus="yes">
        <source>Licensed (%1 pair(s), %2 edition, serial no. %3): %n day(s) left to unlock</source>
        <translation>
            <numerusform>Lizenziert (%1 Paar(e), Edition %2, Seriennr. %3): noch %n Tag zum Freischalten</numerusform>
            <numerusform>Lizenziert (%1 Paar(e), Edition %2, Seriennr. %3): noch %n Tage zum Freischalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Licensed but not unlocked within %1 days: demo limits apply until it is unlocked</source>
        <translation>Lizenziert, aber nicht innerhalb von %1 Tagen freigeschaltet: Bis zur Freischaltung gelten die Demo-Beschränkungen</translation>
    </message>
    <message numerus="yes">
        <source>Unlocked (%n pair(s), %1 edition, serial no. %2)</source>
        <translation>
            <numerusform>Freigeschaltet (%n Paar, Edition %1, Seriennr. %2)</numerusform>
            <numerusform>Freigeschaltet (%n Paare, Edition %1, Seriennr. %2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LicenseTransfer</name>
    <message>
        <source>%1 reads back differently from what was written: the media is faulty</source>
        <translation>%1 liest sich anders zurück als geschrieben: Der Datenträger ist fehlerhaft</translation>
    </message>
    <message>
        <source>%1 does not exist: is the media inserted and mounted?</source>
        <translation>%1 existiert nicht: Ist der Datenträger eingelegt und eingehängt?</translation>
    </message>
    <message>
        <source>The media holds a license for the computer %1.</source>
        <translation>Der Datenträger enthält eine Lizenz für den Computer %1.</translation>
    </message>
    <message>
        <source>The media was prepared by the computer %1; a transfer to it is unfinished.</source>
        <translation>Der Datenträger wurde vom Computer %1 vorbereitet; eine Übertragung dorthin ist nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>The media was prepared by the computer %1 and waits for the license.</source>
        <translation>Der Datenträger wurde vom Computer %1 vorbereitet und wartet auf die Lizenz.</translation>
    </message>
    <message>
        <source>The media holds no license transfer yet.</source>
        <translation>Der Datenträger enthält noch keine Lizenzübertragung.</translation>
    </message>
    <message>
        <source>this computer holds a license already (serial no. %1); a second one would be lost here</source>
        <translation>Dieser Computer hat bereits eine Lizenz (Seriennr. %1); eine zweite ginge hier verloren</translation>
    </message>
    <message>
        <source>the media at %1 holds a license for the computer %2: install it there first (Step 4) or use other media</source>
        <translation>Der Datenträger unter %1 enthält eine Lizenz für den Computer %2: Installieren Sie sie zuerst dort (Schritt 4) oder verwenden Sie einen anderen Datenträger</translation>
    </message>
    <message>
        <source>cannot create %1 on the media</source>
        <translation>%1 kann auf dem Datenträger nicht angelegt werden</translation>
    </message>
    <message>
        <source>this computer holds no license to transfer</source>
        <translation>Dieser Computer hat keine Lizenz, die übertragen werden könnte</translation>
    </message>
    <message>
        <source>the media at %1 was not prepared: prepare it on the target computer first (Step 2)</source>
        <translation>Der Datenträger unter %1 wurde nicht vorbereitet: Bereiten Sie ihn zuerst auf dem Zielcomputer vor (Schritt 2)</translation>
    </message>
    <message>
        <source>%1 is damaged: prepare the media again on the target computer</source>
        <translation>%1 ist beschädigt: Bereiten Sie den Datenträger auf dem Zielcomputer erneut vor</translation>
    </message>
    <message>
        <source>the media was prepared on this computer: take it to the target computer and prepare it there (Step 2)</source>
        <translation>Der Datenträger wurde auf diesem Computer vorbereitet: Bringen Sie ihn zum Zielcomputer und bereiten Sie ihn dort vor (Schritt 2)</translation>
    </message>
    <message>
        <source>the media holds a license for the computer %1 already: install it there first (Step 4)</source>
        <translation>Der Datenträger enthält bereits eine Lizenz für den Computer %1: Installieren Sie sie zuerst dort (Schritt 4)</translation>
    </message>
    <message>
        <source>%1; the license stays on this computer</source>
        <translation>%1; die Lizenz bleibt auf diesem Computer</translation>
    </message>
    <message>
        <source>%1 is gone. %2</source>
        <translation>%1 ist nicht mehr vorhanden. %2</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>An interrupted transfer to %1 was undone; the license stays on this computer.</source>
        <translation>Eine unterbrochene Übertragung nach %1 wurde rückgängig gemacht; die Lizenz bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>An interrupted transfer to %1 was finished: the license is on the media, ready for the target computer (Step 4).</source>
        <translation>Eine unterbrochene Übertragung nach %1 wurde abgeschlossen: Die Lizenz ist auf dem Datenträger, bereit für den Zielcomputer (Schritt 4).</translation>
    </message>
    <message>
        <source>no transfer out of this computer is unfinished</source>
        <translation>Keine Übertragung von diesem Computer ist offen</translation>
    </message>
    <message>
        <source>this computer holds a license already (serial no. %1); it would be lost</source>
        <translation>Dieser Computer hat bereits eine Lizenz (Seriennr. %1); sie ginge verloren</translation>
    </message>
    <message>
        <source>the transfer on the source computer is not finished: take the media back there and run Step 3 again</source>
        <translation>Die Übertragung auf dem Quellcomputer ist nicht abgeschlossen: Bringen Sie den Datenträger dorthin zurück und führen Sie Schritt 3 erneut aus</translation>
    </message>
    <message>
        <source>the media holds no license yet: take it to the source computer (Step 3)</source>
        <translation>Der Datenträger enthält noch keine Lizenz: Bringen Sie ihn zum Quellcomputer (Schritt 3)</translation>
    </message>
    <message>
        <source>there is no Tandem license media in %1</source>
        <translation>In %1 befindet sich kein Tandem-Lizenzdatenträger</translation>
    </message>
    <message>
        <source>this license media was prepared for the computer %1, and this computer (%2) holds no matching key: it did not prepare it, or it installed the license from it already</source>
        <translation>Dieser Lizenzdatenträger wurde für den Computer %1 vorbereitet, und dieser Computer (%2) hat keinen passenden Schlüssel: Er hat ihn nicht vorbereitet oder die Lizenz bereits davon installiert</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>this license media was prepared for the computer %1, not for this one (%2); a copy of license media is of no use on another computer</source>
        <translation>Dieser Lizenzdatenträger wurde für den Computer %1 vorbereitet, nicht für diesen (%2); eine Kopie eines Lizenzdatenträgers nützt auf einem anderen Computer nichts</translation>
    </message>
    <message>
        <source>this license media answers an older preparation of this computer; prepare new media (Step 2) and transfer again</source>
        <translation>Dieser Lizenzdatenträger antwortet auf eine ältere Vorbereitung dieses Computers; bereiten Sie einen neuen Datenträger vor (Schritt 2) und übertragen Sie erneut</translation>
    </message>
    <message>
        <source>the license on the media is not valid: %1</source>
        <translation>Die Lizenz auf dem Datenträger ist ungültig: %1</translation>
    </message>
    <message>
        <source>The license from %1 is installed.</source>
        <translation>Die Lizenz von %1 ist installiert.</translation>
    </message>
    <message>
        <source>The transfer of the license to the media at %1 is unfinished: insert the media and transfer again to finish it, or cancel the transfer to keep the license on this computer.</source>
        <translation>Die Übertragung der Lizenz auf den Datenträger unter %1 ist nicht abgeschlossen: Legen Sie den Datenträger ein und übertragen Sie erneut, um sie abzuschließen, oder brechen Sie die Übertragung ab, um die Lizenz auf diesem Computer zu behalten.</translation>
    </message>
    <message>
        <source>the transfer journal is damaged</source>
        <translation>das Übertragungsprotokoll ist beschädigt</translation>
    </message>
    <message>
        <source>the license in %1 was copied from another computer or folder, or changed: it can be transferred only from where it was installed</source>
        <translation>Die Lizenz in %1 wurde von einem anderen Computer oder Ordner kopiert oder geändert: Sie kann nur von dort übertragen werden, wo sie installiert wurde</translation>
    </message>
    <message>
        <source>%1 is damaged</source>
        <translation>%1 ist beschädigt</translation>
    </message>
    <message>
        <source>the license may already be armed on the media at %1, or on a copy of it, so it can no longer be taken back: insert the media and transfer out again to finish, then install it on the target computer %2 (Step 4)</source>
        <translation>Die Lizenz ist möglicherweise bereits auf dem Datenträger unter %1 oder einer Kopie davon scharfgeschaltet und kann deshalb nicht mehr zurückgenommen werden: Legen Sie den Datenträger ein und übertragen Sie erneut, um abzuschließen, und installieren Sie sie dann auf dem Zielcomputer %2 (Schritt 4)</translation>
    </message>
    <message>
        <source>The transfer of the license to the media at %1 is unfinished: insert the media and transfer again to finish it. The license may be armed on the media already, so it can no longer be taken back.</source>
        <translation>Die Übertragung der Lizenz auf den Datenträger unter %1 ist nicht abgeschlossen: Legen Sie den Datenträger ein und übertragen Sie erneut, um sie abzuschließen. Die Lizenz ist möglicherweise bereits auf dem Datenträger scharfgeschaltet und kann daher nicht mehr zurückgenommen werden.</translation>
    </message>
</context>
<context>
    <name>MachineState</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); every pair starts disabled</source>
        <translation>%1 ist beschädigt (%2); alle Paare starten deaktiviert</translation>
    </message>
    <message>
        <source>cannot create the state folder %1</source>
        <translation>Der Statusordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ModbusLink</name>
    <message>
        <source>exception 0x01 (illegal function)</source>
        <translation>Exception 0x01 (unzulässige Funktion)</translation>
    </message>
    <message>
        <source>exception 0x02 (illegal data address)</source>
        <translation>Exception 0x02 (unzulässige Datenadresse)</translation>
    </message>
    <message>
        <source>exception 0x03 (illegal data value)</source>
        <translation>Exception 0x03 (unzulässiger Datenwert)</translation>
    </message>
    <message>
        <source>exception 0x04 (server device failure)</source>
        <translation>Exception 0x04 (Fehler im Servergerät)</translation>
    </message>
    <message>
        <source>exception 0x0A (gateway path unavailable)</source>
        <translation>Exception 0x0A (Gateway-Pfad nicht verfügbar)</translation>
    </message>
    <message>
        <source>exception 0x0B (gateway target device failed to respond)</source>
        <translation>Exception 0x0B (Gateway-Zielgerät antwortet nicht)</translation>
    </message>
    <message>
        <source>exception 0x%1</source>
        <translation>Exception 0x%1</translation>
    </message>
    <message>
        <source>no connection within the status timeout</source>
        <translation>Keine Verbindung innerhalb des Status-Timeouts</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>Verbindung geschlossen</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>Keine rechtzeitige Antwort</translation>
    </message>
    <message>
        <source>malformed answer: %1</source>
        <translation>Fehlerhafte Antwort: %1</translation>
    </message>
    <message>
        <source>no answer to the status query within %1 ms</source>
        <translation>Keine Antwort auf die Statusabfrage innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>discarded by the server after an exception</source>
        <translation>Nach einer Ausnahme vom Server verworfen</translation>
    </message>
</context>
<context>
    <name>OpcUaIdentity</name>
    <message>
        <source>&apos;%1&apos; is not yes or no</source>
        <translation>„%1“ ist weder yes noch no</translation>
    </message>
    <message>
        <source>unknown attribute &apos;%1&apos;</source>
        <translation>unbekanntes Attribut „%1“</translation>
    </message>
    <message>
        <source>a user name is for OPC UA pairs only; Modbus TCP has no log-in</source>
        <translation>ein Benutzername gilt nur für OPC-UA-Paare; Modbus TCP kennt keine Anmeldung</translation>
    </message>
    <message>
        <source>the user name &apos;%1&apos; starts or ends with blanks or holds a line break</source>
        <translation>der Benutzername „%1“ beginnt oder endet mit Leerzeichen oder enthält einen Zeilenumbruch</translation>
    </message>
    <message>
        <source>the endpoint accepts no identity at all: allow anonymous clients, the OPC UA users, the pair&apos;s user or user certificates</source>
        <translation>der Endpunkt nimmt überhaupt keine Identität an: erlauben Sie anonyme Clients, die OPC-UA-Benutzer, den Benutzer des Paars oder Benutzerzertifikate</translation>
    </message>
</context>
<context>
    <name>OpcUaUserStore</name>
    <message>
        <source>the user %1 has no list of pairs</source>
        <translation>der Benutzer %1 hat keine Liste von Paaren</translation>
    </message>
    <message>
        <source>the user %1 has no valid password hash</source>
        <translation>der Benutzer %1 hat keinen gültigen Passwort-Hash</translation>
    </message>
    <message>
        <source>%1 is damaged: it is not a list of OPC UA users of version %2</source>
        <translation>%1 ist beschädigt: es ist keine Liste von OPC-UA-Benutzern der Version %2</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>there is no OPC UA user named &apos;%1&apos; in %2</source>
        <translation>in %2 gibt es keinen OPC-UA-Benutzer „%1“</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>der Ordner von %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a user name: 1 to %2 printable characters, without blanks at either end</source>
        <translation>„%1“ ist kein Benutzername: 1 bis %2 druckbare Zeichen, ohne Leerzeichen am Anfang oder Ende</translation>
    </message>
    <message>
        <source>a password must have %1 to %2 bytes</source>
        <translation>ein Passwort muss %1 bis %2 Bytes haben</translation>
    </message>
    <message>
        <source>hashing the password failed (out of memory)</source>
        <translation>das Hashen des Passworts ist fehlgeschlagen (kein Speicher)</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>it is damaged or not a Tandem outbox; it was moved to %1 and a new one started</source>
        <translation>Die Datei ist beschädigt oder kein Tandem-Postausgang; sie wurde nach %1 verschoben und ein neuer angelegt</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot write to %1: %2</source>
        <translation>In %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>PairStatus</name>
    <message>
        <source>the engine&apos;s status has no valid &apos;%1&apos; (is the engine of another version of Tandem?)</source>
        <translation>Der Status der Engine enthält kein gültiges &apos;%1&apos; (stammt die Engine aus einer anderen Tandem-Version?)</translation>
    </message>
    <message>
        <source>the engine&apos;s status has &apos;%1&apos; as &apos;%2&apos;, which this version of Tandem does not know</source>
        <translation>Der Status der Engine enthält &apos;%1&apos; als &apos;%2&apos;, was diese Tandem-Version nicht kennt</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>Fehlerfrei</translation>
    </message>
    <message>
        <source>healthy, monitor items not tested yet</source>
        <translation>Fehlerfrei, Überwachungselemente noch nicht getestet</translation>
    </message>
    <message>
        <source>connected, degraded: %1</source>
        <translation>Verbunden, eingeschränkt: %1</translation>
    </message>
    <message numerus="yes">
        <source>connected, %n monitor item(s) in error</source>
        <translation>
            <numerusform>Verbunden, %n Überwachungselement fehlerhaft</numerusform>
            <numerusform>Verbunden, %n Überwachungselemente fehlerhaft</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>Verbindung wird hergestellt</translation>
    </message>
    <message>
        <source>connected (pass-through)</source>
        <translation>Verbunden (Durchleitung)</translation>
    </message>
    <message>
        <source>shutting down: %1</source>
        <translation>Wird heruntergefahren: %1</translation>
    </message>
    <message>
        <source>shutting down</source>
        <translation>Wird heruntergefahren</translation>
    </message>
    <message>
        <source>lost: %1</source>
        <translation>Verloren: %1</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>%1 (last failure: %2)</source>
        <translation>%1 (letzter Fehler: %2)</translation>
    </message>
    <message>
        <source>primary (%1)</source>
        <translation>Primärrechner (%1)</translation>
    </message>
    <message>
        <source>secondary (%1)</source>
        <translation>Sekundärrechner (%1)</translation>
    </message>
    <message>
        <source>none: no server is available</source>
        <translation>Keiner: Kein Server ist verfügbar</translation>
    </message>
    <message>
        <source>%1, pass-through (redundancy disabled)</source>
        <translation>%1, Durchleitung (Redundanz deaktiviert)</translation>
    </message>
    <message>
        <source>%1, held by the operator</source>
        <translation>%1, vom Bediener festgelegt</translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <source>no password is stored in the keychain</source>
        <translation>Im Schlüsselbund ist kein Passwort gespeichert</translation>
    </message>
    <message>
        <source>the system keychain is not available (%1); start a Secret Service such as gnome-keyring in this session</source>
        <translation>Der Systemschlüsselbund ist nicht verfügbar (%1); starten Sie in dieser Sitzung einen Secret Service wie gnome-keyring</translation>
    </message>
</context>
<context>
    <name>PkiStore</name>
    <message>
        <source>cannot create the folder %1: %2</source>
        <translation>Der Ordner %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot read the folder %1: %2</source>
        <translation>Der Ordner %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is a link; Tandem keeps its private key only in a real folder</source>
        <translation>%1 ist ein Link; Tandem legt seinen privaten Schlüssel nur in einem echten Ordner ab</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>cannot restrict the folder %1 to its owner: %2</source>
        <translation>Der Ordner %1 kann nicht auf seinen Eigentümer beschränkt werden: %2</translation>
    </message>
    <message>
        <source>cannot create the state directory %1</source>
        <translation>Das Zustandsverzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1 is neither a certificate file nor a SHA-1 thumbprint</source>
        <translation>%1 ist weder eine Zertifikatsdatei noch ein SHA-1-Fingerabdruck</translation>
    </message>
    <message>
        <source>no certificate with the thumbprint %1 in %2</source>
        <translation>Kein Zertifikat mit dem Fingerabdruck %1 in %2</translation>
    </message>
    <message>
        <source>%1 is no CA certificate (its basicConstraints do not say cA), so it cannot issue others</source>
        <translation>%1 ist kein CA-Zertifikat (seine basicConstraints sagen nicht cA), kann also keine anderen ausstellen</translation>
    </message>
    <message>
        <source>no CA in trusted or issuers signed the revocation list of %1</source>
        <translation>Keine Zertifizierungsstelle in trusted oder issuers hat die Sperrliste von %1 signiert</translation>
    </message>
    <message>
        <source>no trusted or issuer certificate has the thumbprint %1</source>
        <translation>Kein vertrauenswürdiges oder Aussteller-Zertifikat hat den Fingerabdruck %1</translation>
    </message>
    <message>
        <source>%1 is no SHA-1 thumbprint</source>
        <translation>%1 ist kein SHA-1-Fingerabdruck</translation>
    </message>
    <message>
        <source>no certificate has the thumbprint %1</source>
        <translation>Kein Zertifikat hat den Fingerabdruck %1</translation>
    </message>
</context>
<context>
    <name>PrivateKey</name>
    <message>
        <source>cannot make an RSA key of %1 bits: %2</source>
        <translation>Ein RSA-Schlüssel mit %1 Bit kann nicht erzeugt werden: %2</translation>
    </message>
    <message>
        <source>the private key is encrypted: give its password</source>
        <translation>Der private Schlüssel ist verschlüsselt: Geben Sie sein Passwort an</translation>
    </message>
    <message>
        <source>the private key&apos;s password is wrong</source>
        <translation>Das Passwort des privaten Schlüssels ist falsch</translation>
    </message>
    <message>
        <source>not a private key (%1)</source>
        <translation>kein privater Schlüssel (%1)</translation>
    </message>
</context>
<context>
    <name>ProxyMethods</name>
    <message>
        <source>no pair runs behind this endpoint</source>
        <translation>hinter diesem Endpunkt läuft kein Paar</translation>
    </message>
</context>
<context>
    <name>RememberedPrompt</name>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>Nicht mehr fragen</translation>
    </message>
</context>
<context>
    <name>RemovableMedia</name>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 frei</translation>
    </message>
</context>
<context>
    <name>RevocationList</name>
    <message>
        <source>not a certificate revocation list</source>
        <translation>keine Zertifikatsperrliste</translation>
    </message>
    <message>
        <source>not a certificate revocation list (%1)</source>
        <translation>keine Zertifikatsperrliste (%1)</translation>
    </message>
</context>
<context>
    <name>SecuritySetting</name>
    <message>
        <source>&quot;%1&quot; is not a security setting: write POLICY:MODE, e.g. Basic256Sha256:SignAndEncrypt or None:None</source>
        <translation>„%1“ ist keine Sicherheitseinstellung: schreiben Sie RICHTLINIE:MODUS, z. B. Basic256Sha256:SignAndEncrypt oder None:None</translation>
    </message>
    <message>
        <source>unknown security policy &quot;%1&quot; in &quot;%2&quot;; known policies: %3</source>
        <translation>unbekannte Sicherheitsrichtlinie „%1“ in „%2“; bekannte Richtlinien: %3</translation>
    </message>
    <message>
        <source>unknown security mode &quot;%1&quot; in &quot;%2&quot;; known modes: %3</source>
        <translation>unbekannter Sicherheitsmodus „%1“ in „%2“; bekannte Modi: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the security policy None goes only with the mode None</source>
        <translation>„%1“: die Sicherheitsrichtlinie None passt nur zum Modus None</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the security policy %2 needs the mode Sign or SignAndEncrypt</source>
        <translation>„%1“: die Sicherheitsrichtlinie %2 verlangt den Modus Sign oder SignAndEncrypt</translation>
    </message>
    <message>
        <source>empty entry in the security settings &quot;%1&quot;</source>
        <translation>leerer Eintrag in den Sicherheitseinstellungen „%1“</translation>
    </message>
    <message>
        <source>the security setting %1 is listed twice</source>
        <translation>die Sicherheitseinstellung %1 steht zweimal in der Liste</translation>
    </message>
</context>
<context>
    <name>Serial</name>
    <message>
        <source>this is not a Tandem serial number (it has %1 characters of 0-9 and A-Z in groups of five; check for a missing or extra group)</source>
        <translation>Das ist keine Tandem-Seriennummer (sie hat %1 Zeichen aus 0-9 und A-Z in Fünfergruppen; prüfen Sie, ob eine Gruppe fehlt oder zu viel ist)</translation>
    </message>
    <message>
        <source>the serial number is not valid: a character is wrong, or it was not issued for this product</source>
        <translation>Die Seriennummer ist ungültig: Ein Zeichen ist falsch, oder sie wurde nicht für dieses Produkt ausgestellt</translation>
    </message>
    <message>
        <source>the serial number is for a newer version of Tandem</source>
        <translation>Die Seriennummer gilt für eine neuere Version von Tandem</translation>
    </message>
</context>
<context>
    <name>ServiceCredentials</name>
    <message>
        <source>the service has no credential %1 in %2: as root, set the password with tandemctl&apos;s --password-stdin and restart the service</source>
        <translation>Der Dienst hat keinen Berechtigungsnachweis %1 in %2: Setzen Sie das Passwort als root mit --password-stdin von tandemctl und starten Sie den Dienst neu</translation>
    </message>
    <message>
        <source>cannot read the credential %1: %2</source>
        <translation>Der Berechtigungsnachweis %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>%1 encrypt failed: %2</source>
        <translation>%1 encrypt ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 decrypt %2 failed: %3</source>
        <translation>%1 decrypt %2 ist fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>ServiceInstaller</name>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>%1 did not finish within %2 s</source>
        <translation>%1 wurde nicht innerhalb von %2 s beendet</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2)%3</source>
        <translation>%1 ist fehlgeschlagen (Exit-Code %2)%3</translation>
    </message>
    <message>
        <source>kept the existing %1 (not overwritten)</source>
        <translation>Die vorhandene Datei %1 wurde beibehalten (nicht überschrieben)</translation>
    </message>
    <message>
        <source>%1 not created: there is no %2 to start from</source>
        <translation>%1 nicht angelegt: Die Vorlage %2 ist nicht vorhanden</translation>
    </message>
    <message>
        <source>copied %1 to %2</source>
        <translation>%1 nach %2 kopiert</translation>
    </message>
    <message>
        <source>systemd is not running on this machine; use --unit-only to write the unit file only</source>
        <translation>systemd läuft auf diesem Rechner nicht; verwenden Sie --unit-only, um nur die Unit-Datei zu schreiben</translation>
    </message>
    <message>
        <source>the engine %1 is not there or not executable</source>
        <translation>Die Engine %1 ist nicht vorhanden oder nicht ausführbar</translation>
    </message>
    <message>
        <source>%1 exists and differs from the unit Tandem writes (edited by hand, or another tandemd); --force replaces it and keeps the old one as %2</source>
        <translation>%1 ist vorhanden und weicht von der Unit ab, die Tandem schreibt (von Hand bearbeitet oder ein anderer tandemd); --force ersetzt sie und bewahrt die alte als %2 auf</translation>
    </message>
    <message>
        <source>another Tandem engine is running with the state directory %1 (the console, or a tandemd started by hand); stop it first so the service can take over</source>
        <translation>Eine andere Tandem-Engine läuft mit dem Statusverzeichnis %1 (die Konsole oder ein von Hand gestarteter tandemd); beenden Sie sie zuerst, damit der Dienst übernehmen kann</translation>
    </message>
    <message>
        <source>%1 is already installed and unchanged</source>
        <translation>%1 ist bereits installiert und unverändert</translation>
    </message>
    <message>
        <source>the previous unit differed; it is kept as %1</source>
        <translation>Die bisherige Unit war anders; sie wird als %1 aufbewahrt</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>nothing started (--unit-only); to start the service once systemd runs: %1</source>
        <translation>Nichts gestartet (--unit-only); so starten Sie den Dienst, sobald systemd läuft: %1</translation>
    </message>
    <message>
        <source>tandemd.service is enabled and started; it runs %1 at every boot</source>
        <translation>tandemd.service ist aktiviert und gestartet; er startet bei jedem Systemstart mit %1</translation>
    </message>
    <message>
        <source>tandemd.service is enabled and started; it runs %1 whenever you log in</source>
        <translation>tandemd.service ist aktiviert und gestartet; er startet mit %1, sobald Sie sich anmelden</translation>
    </message>
    <message>
        <source>there is no %1 to remove (%2 is not installed as a %3 service)</source>
        <translation>%1 ist nicht vorhanden und kann nicht entfernt werden (%2 ist nicht als %3-Dienst installiert)</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>tandemd.service is stopped and disabled</source>
        <translation>tandemd.service ist beendet und deaktiviert</translation>
    </message>
    <message>
        <source>systemd is not running on this machine: nothing was stopped</source>
        <translation>systemd läuft auf diesem Rechner nicht: Es wurde nichts beendet</translation>
    </message>
    <message>
        <source>the configuration %1 and the state in %2 are left in place</source>
        <translation>Die Konfiguration %1 und der Zustand in %2 bleiben erhalten</translation>
    </message>
    <message>
        <source>the engine %1 is not there or not executable (install the tandem package: a system service runs only the installed engine)</source>
        <translation>Die Engine %1 fehlt oder ist nicht ausführbar (installieren Sie das Paket tandem: Ein Systemdienst führt nur die installierte Engine aus)</translation>
    </message>
    <message>
        <source>%1 belongs to the user id %2, not to root: a system service runs only an engine root owns</source>
        <translation>%1 gehört der Benutzer-ID %2, nicht root: Ein Systemdienst führt nur eine Engine aus, die root gehört</translation>
    </message>
    <message>
        <source>%1 may be written by others than root (mode %2): a system service runs only an engine root owns</source>
        <translation>%1 darf von anderen als root geschrieben werden (Modus %2): Ein Systemdienst führt nur eine Engine aus, die root gehört</translation>
    </message>
    <message>
        <source>the engine %1 is not safe to run as a service: %2</source>
        <translation>Die Engine %1 kann nicht sicher als Dienst ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>user %1 and groups %2, %3 not checked: files go under %4, not this system</source>
        <translation>Benutzer %1 und Gruppen %2, %3 nicht geprüft: Die Dateien werden unter %4 abgelegt, nicht in diesem System</translation>
    </message>
    <message>
        <source>created the system group %1 (its members see the service&apos;s state and switch pairs: usermod -aG %1 USER)</source>
        <translation>Systemgruppe %1 angelegt (ihre Mitglieder sehen den Zustand des Dienstes und schalten Paare um: usermod -aG %1 USER)</translation>
    </message>
    <message>
        <source>created the system group %1 (its members also change the service&apos;s configuration, license and event history: usermod -aG %1 USER)</source>
        <translation>Systemgruppe %1 angelegt (ihre Mitglieder ändern außerdem Konfiguration, Lizenz und Ereignisverlauf des Dienstes: usermod -aG %1 USER)</translation>
    </message>
    <message>
        <source>created the system user %1 the service runs as</source>
        <translation>Systembenutzer %1 angelegt, unter dem der Dienst läuft</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Tandem file (not a regular file, or larger than 16 MiB)</source>
        <translation>%1 ist keine Tandem-Datei (keine reguläre Datei oder größer als 16 MiB)</translation>
    </message>
    <message>
        <source>%1 is not a file of the user who asked for the service (uid %2): not copied</source>
        <translation>%1 ist keine Datei des Benutzers, der den Dienst angefordert hat (UID %2): nicht kopiert</translation>
    </message>
</context>
<context>
    <name>SmtpClient</name>
    <message>
        <source>&apos;%1&apos; is not an SMTP server URL</source>
        <translation>&apos;%1&apos; ist keine SMTP-Server-URL</translation>
    </message>
    <message>
        <source>libcurl could not be initialised</source>
        <translation>libcurl konnte nicht initialisiert werden</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>no answer within %1 s (%2)</source>
        <translation>Keine Antwort innerhalb von %1 s (%2)</translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS; use smtps://, or allow plain text for this configuration</source>
        <translation>Der Server bietet kein STARTTLS an; verwenden Sie smtps:// oder erlauben Sie für diese Konfiguration Klartext</translation>
    </message>
</context>
<context>
    <name>SqliteFile</name>
    <message>
        <source>cannot make the expected schema of %1: %2</source>
        <translation>das erwartete Schema von %1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged or not an SQLite database: %2</source>
        <translation>%1 ist beschädigt oder keine SQLite-Datenbank: %2</translation>
    </message>
    <message>
        <source>%1 is damaged (PRAGMA integrity_check: %2)</source>
        <translation>%1 ist beschädigt (PRAGMA integrity_check: %2)</translation>
    </message>
    <message>
        <source>%1 holds the %2 &apos;%3&apos;: a Tandem database has no triggers nor views</source>
        <translation>%1 enthält %2 „%3“: eine Tandem-Datenbank hat weder Trigger noch Views</translation>
    </message>
    <message>
        <source>%1 holds the %2 &apos;%3&apos;, which Tandem does not create</source>
        <translation>%1 enthält %2 „%3“, das Tandem nicht anlegt</translation>
    </message>
    <message>
        <source>the %2 &apos;%3&apos; in %1 is not defined as Tandem defines it: %4</source>
        <translation>%2 „%3“ in %1 ist nicht so definiert, wie Tandem es definiert: %4</translation>
    </message>
    <message>
        <source>%1 lacks the %2 &apos;%3&apos;</source>
        <translation>in %1 fehlt %2 „%3“</translation>
    </message>
    <message>
        <source>%1 is not at schema version %2</source>
        <translation>%1 hat nicht die Schemaversion %2</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>SystemFile</name>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>%1 belongs to the user id %2, not to root: refusing to write there</source>
        <translation>%1 gehört der Benutzer-ID %2, nicht root: Dort wird nicht geschrieben</translation>
    </message>
    <message>
        <source>%1 may be written by others than its owner (mode %2): refusing to write there</source>
        <translation>%1 darf von anderen als dem Eigentümer geschrieben werden (Modus %2): Dort wird nicht geschrieben</translation>
    </message>
    <message>
        <source>cannot check the folder %1: %2</source>
        <translation>Der Ordner %1 kann nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>%1 is a symbolic link: refusing to write there</source>
        <translation>%1 ist ein symbolischer Link: Dort wird nicht geschrieben</translation>
    </message>
    <message>
        <source>cannot open the folder %1: %2</source>
        <translation>Der Ordner %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot sync the folder %1: %2</source>
        <translation>Der Ordner %1 kann nicht synchronisiert werden: %2</translation>
    </message>
    <message>
        <source>%1 may be written by others than its owner: refusing to create folders in it</source>
        <translation>%1 darf von anderen als dem Eigentümer geschrieben werden: Darin werden keine Ordner angelegt</translation>
    </message>
    <message>
        <source>cannot create the folder %1: %2</source>
        <translation>Der Ordner %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot set the owner and mode of %1: %2</source>
        <translation>Eigentümer und Modus von %1 können nicht gesetzt werden: %2</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a plain file</source>
        <translation>%1 ist keine gewöhnliche Datei</translation>
    </message>
    <message>
        <source>cannot set the owner of %1: %2</source>
        <translation>Der Eigentümer von %1 kann nicht gesetzt werden: %2</translation>
    </message>
</context>
<context>
    <name>Tandem</name>
    <message>
        <source>Item data set to bad quality</source>
        <translation>Elementdaten auf schlechte Qualität gesetzt</translation>
    </message>
    <message>
        <source>Item data set to a specific value</source>
        <translation>Elementdaten auf einen bestimmten Wert gesetzt</translation>
    </message>
    <message>
        <source>No item data changes for a given time period (ms)</source>
        <translation>Keine Änderung der Elementdaten in einem bestimmten Zeitraum (ms)</translation>
    </message>
    <message>
        <source>Cold: Active machine only</source>
        <translation>Cold: nur aktiver Rechner</translation>
    </message>
    <message>
        <source>Warm: Both machines, subscribe to items on active machine</source>
        <translation>Warm: beide Rechner, Elemente auf dem aktiven Rechner abonnieren</translation>
    </message>
    <message>
        <source>Hot: Both machines, subscribe to items on both machines</source>
        <translation>Hot: beide Rechner, Elemente auf beiden Rechnern abonnieren</translation>
    </message>
    <message>
        <source>Informational</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>protocol identifier is %1, Modbus uses 0</source>
        <translation>Die Protokollkennung ist %1, Modbus verwendet 0</translation>
    </message>
    <message>
        <source>MBAP length is %1, must be from 2 to %2</source>
        <translation>Die MBAP-Länge ist %1, sie muss zwischen 2 und %2 liegen</translation>
    </message>
</context>
<context>
    <name>TandemEvent</name>
    <message>
        <source>Tandem engine started with %1 pair(s) running.</source>
        <translation>Tandem-Engine mit %1 laufenden Paar(en) gestartet.</translation>
    </message>
    <message>
        <source>Tandem engine stopped.</source>
        <translation>Tandem-Engine beendet.</translation>
    </message>
    <message>
        <source>Configuration &apos;%1&apos; applied.</source>
        <translation>Konfiguration &apos;%1&apos; angewendet.</translation>
    </message>
    <message>
        <source>Configuration &apos;%1&apos; was rejected and the previous one keeps running: %2</source>
        <translation>Konfiguration &apos;%1&apos; wurde abgelehnt, die bisherige läuft weiter: %2</translation>
    </message>
    <message>
        <source>Cannot serve clients of &apos;%1&apos; on %2: %3</source>
        <translation>Clients von &apos;%1&apos; können auf %2 nicht bedient werden: %3</translation>
    </message>
    <message>
        <source>E-mail notification could not be sent through &apos;%1&apos; nor &apos;%2&apos;; it stays in the outbox and is retried: %3</source>
        <translation>Die E-Mail-Benachrichtigung konnte weder über &apos;%1&apos; noch über &apos;%2&apos; gesendet werden; sie bleibt im Postausgang und wird erneut versucht: %3</translation>
    </message>
    <message>
        <source>E-mail notification delivered again through &apos;%1&apos;; %2 mail(s) wait in the outbox.</source>
        <translation>E-Mail-Benachrichtigung wieder über &apos;%1&apos; zugestellt; %2 Mail(s) warten im Postausgang.</translation>
    </message>
    <message>
        <source>E-mail notification &apos;%1&apos; was delivered through &apos;%2&apos;, but the server refused: %3</source>
        <translation>E-Mail-Benachrichtigung &apos;%1&apos; wurde über &apos;%2&apos; zugestellt, aber der Server lehnte ab: %3</translation>
    </message>
    <message>
        <source>E-mail notification &apos;%1&apos; to %2 was dropped after %3 attempt(s) over %4 hour(s); the last error: %5</source>
        <translation>E-Mail-Benachrichtigung &apos;%1&apos; an %2 wurde nach %3 Versuch(en) über %4 Stunde(n) verworfen; letzter Fehler: %5</translation>
    </message>
    <message>
        <source>The e-mail outbox &apos;%1&apos; could not be used: %2</source>
        <translation>Der E-Mail-Postausgang &apos;%1&apos; konnte nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>License: %1</source>
        <translation>Lizenz: %1</translation>
    </message>
    <message>
        <source>The demo period ends in %1 minute(s): then the engine stops serving. Enter a serial number (Help › Purchase a License).</source>
        <translation>Die Demo-Zeit endet in %1 Minute(n): Dann bedient die Engine keine Clients mehr. Geben Sie eine Seriennummer ein (Hilfe › Lizenz kaufen).</translation>
    </message>
    <message>
        <source>The demo period is over: the engine stopped serving its clients. Restart it for another demo period, or license Tandem.</source>
        <translation>Die Demo-Zeit ist abgelaufen: Die Engine bedient ihre Clients nicht mehr. Starten Sie sie für eine weitere Demo-Zeit neu oder lizenzieren Sie Tandem.</translation>
    </message>
    <message>
        <source>Closed the connection of a client of &apos;%1&apos; from %2: %3</source>
        <translation>Verbindung eines Clients von &apos;%1&apos; aus %2 geschlossen: %3</translation>
    </message>
    <message>
        <source>The event history &apos;%1&apos; could not be used: %2</source>
        <translation>Der Ereignisverlauf &apos;%1&apos; konnte nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Attempt to add monitor item &apos;%3&apos; for &apos;%1&apos; on primary machine &apos;%2&apos; failed. This monitor item will be considered in error.</source>
        <translation>Das Hinzufügen des Überwachungselements &apos;%3&apos; für &apos;%1&apos; auf dem Primärrechner &apos;%2&apos; ist fehlgeschlagen. Dieses Überwachungselement gilt als fehlerhaft.</translation>
    </message>
    <message>
        <source>Attempt to add monitor item &apos;%3&apos; for &apos;%1&apos; on secondary machine &apos;%2&apos; failed. This monitor item will be considered in error.</source>
        <translation>Das Hinzufügen des Überwachungselements &apos;%3&apos; für &apos;%1&apos; auf dem Sekundärrechner &apos;%2&apos; ist fehlgeschlagen. Dieses Überwachungselement gilt als fehlerhaft.</translation>
    </message>
    <message>
        <source>Connected to &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation>Verbunden mit &apos;%1&apos; auf dem Primärrechner &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Connected to &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation>Verbunden mit &apos;%1&apos; auf dem Sekundärrechner &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Disconnected from &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation>Verbindung zu &apos;%1&apos; auf dem Primärrechner &apos;%2&apos; getrennt.</translation>
    </message>
    <message>
        <source>Disconnected from &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation>Verbindung zu &apos;%1&apos; auf dem Sekundärrechner &apos;%2&apos; getrennt.</translation>
    </message>
    <message>
        <source>Failed to connect to &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation>Verbindung zu &apos;%1&apos; auf dem Primärrechner &apos;%2&apos; fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Failed to connect to &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation>Verbindung zu &apos;%1&apos; auf dem Sekundärrechner &apos;%2&apos; fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Monitor item &apos;%3&apos; for &apos;%1&apos; on primary machine &apos;%2&apos; contains array data which is not supported for the &apos;specific value&apos; trigger condition.</source>
        <translation>Das Überwachungselement &apos;%3&apos; für &apos;%1&apos; auf dem Primärrechner &apos;%2&apos; enthält Array-Daten, die für den Auslöser „bestimmter Wert“ nicht unterstützt werden.</translation>
    </message>
    <message>
        <source>Monitor item &apos;%3&apos; for &apos;%1&apos; on secondary machine &apos;%2&apos; contains array data which is not supported for the &apos;specific value&apos; trigger condition.</source>
        <translation>Das Überwachungselement &apos;%3&apos; für &apos;%1&apos; auf dem Sekundärrechner &apos;%2&apos; enthält Array-Daten, die für den Auslöser „bestimmter Wert“ nicht unterstützt werden.</translation>
    </message>
    <message>
        <source>Monitor item test in error for &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation>Test der Überwachungselemente fehlerhaft für &apos;%1&apos; auf dem Primärrechner &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Monitor item test in error for &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation>Test der Überwachungselemente fehlerhaft für &apos;%1&apos; auf dem Sekundärrechner &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Monitor item test passed for &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation>Test der Überwachungselemente bestanden für &apos;%1&apos; auf dem Primärrechner &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Monitor item test passed for &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation>Test der Überwachungselemente bestanden für &apos;%1&apos; auf dem Sekundärrechner &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Promoted active connection for server &apos;%1&apos; to primary machine &apos;%2&apos;.</source>
        <translation>Aktive Verbindung für Server &apos;%1&apos; auf den Primärrechner &apos;%2&apos; umgeschaltet.</translation>
    </message>
    <message>
        <source>Promoted active connection for server &apos;%1&apos; to secondary machine &apos;%2&apos;.</source>
        <translation>Aktive Verbindung für Server &apos;%1&apos; auf den Sekundärrechner &apos;%2&apos; umgeschaltet.</translation>
    </message>
    <message>
        <source>Received shutdown notification from server &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation>Herunterfahr-Meldung von Server &apos;%1&apos; auf dem Primärrechner &apos;%2&apos; empfangen.</translation>
    </message>
    <message>
        <source>Received shutdown notification from server &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation>Herunterfahr-Meldung von Server &apos;%1&apos; auf dem Sekundärrechner &apos;%2&apos; empfangen.</translation>
    </message>
    <message>
        <source>Unable to retrieve status for server &apos;%1&apos; on primary machine &apos;%2&apos;. Server communications has been lost.</source>
        <translation>Status von Server &apos;%1&apos; auf dem Primärrechner &apos;%2&apos; kann nicht abgefragt werden. Die Kommunikation mit dem Server ist unterbrochen.</translation>
    </message>
    <message>
        <source>Unable to retrieve status for server &apos;%1&apos; on secondary machine &apos;%2&apos;. Server communications has been lost.</source>
        <translation>Status von Server &apos;%1&apos; auf dem Sekundärrechner &apos;%2&apos; kann nicht abgefragt werden. Die Kommunikation mit dem Server ist unterbrochen.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; on primary machine &apos;%2&apos; reports a degraded %3; the secondary machine is preferred while it is healthy.</source>
        <translation>Server &apos;%1&apos; auf dem Primärrechner &apos;%2&apos; meldet ein eingeschränktes %3; der Sekundärrechner wird bevorzugt, solange er fehlerfrei ist.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; on secondary machine &apos;%2&apos; reports a degraded %3; the primary machine is preferred while it is healthy.</source>
        <translation>Server &apos;%1&apos; auf dem Sekundärrechner &apos;%2&apos; meldet ein eingeschränktes %3; der Primärrechner wird bevorzugt, solange er fehlerfrei ist.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; on primary machine &apos;%2&apos; reports a healthy %3 again.</source>
        <translation>Server &apos;%1&apos; auf dem Primärrechner &apos;%2&apos; meldet wieder ein fehlerfreies %3.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; on secondary machine &apos;%2&apos; reports a healthy %3 again.</source>
        <translation>Server &apos;%1&apos; auf dem Sekundärrechner &apos;%2&apos; meldet wieder ein fehlerfreies %3.</translation>
    </message>
    <message>
        <source>Scheduled backup &apos;%1&apos; created.</source>
        <translation>Geplante Sicherung &apos;%1&apos; erstellt.</translation>
    </message>
    <message>
        <source>Scheduled backup into &apos;%1&apos; failed: %2</source>
        <translation>Geplante Sicherung in &apos;%1&apos; fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Deleted backup &apos;%1&apos;: older than the retention period of %2 day(s).</source>
        <translation>Sicherung &apos;%1&apos; gelöscht: älter als die Aufbewahrungsfrist von %2 Tag(en).</translation>
    </message>
    <message>
        <source>Deleted backup &apos;%1&apos; before its retention period ended: free space on the backup disk is under the floor (%2 available of %3).</source>
        <translation>Sicherung &apos;%1&apos; vor Ablauf ihrer Aufbewahrungsfrist gelöscht: Der freie Speicherplatz auf dem Sicherungslaufwerk liegt unter dem Mindestwert (%2 von %3 verfügbar).</translation>
    </message>
    <message>
        <source>Free space on the backup disk of &apos;%1&apos; stays under the floor (%2 available of %3) with only the newest backup left.</source>
        <translation>Der freie Speicherplatz auf dem Sicherungslaufwerk von &apos;%1&apos; bleibt unter dem Mindestwert (%2 von %3 verfügbar), obwohl nur noch die neueste Sicherung vorhanden ist.</translation>
    </message>
    <message>
        <source>Started redundancy for &apos;%1&apos;: primary machine &apos;%2&apos; serves its clients.</source>
        <translation>Redundanz für &apos;%1&apos; gestartet: Der Primärrechner &apos;%2&apos; bedient die Clients.</translation>
    </message>
    <message>
        <source>Started redundancy for &apos;%1&apos;: secondary machine &apos;%2&apos; serves its clients.</source>
        <translation>Redundanz für &apos;%1&apos; gestartet: Der Sekundärrechner &apos;%2&apos; bedient die Clients.</translation>
    </message>
    <message>
        <source>The operator made primary machine &apos;%2&apos; active for &apos;%1&apos;; it is held there until returned to automatic.</source>
        <translation>Der Bediener hat den Primärrechner &apos;%2&apos; für &apos;%1&apos; aktiv geschaltet; er bleibt festgelegt, bis wieder auf Automatik zurückgeschaltet wird.</translation>
    </message>
    <message>
        <source>The operator made secondary machine &apos;%2&apos; active for &apos;%1&apos;; it is held there until returned to automatic.</source>
        <translation>Der Bediener hat den Sekundärrechner &apos;%2&apos; für &apos;%1&apos; aktiv geschaltet; er bleibt festgelegt, bis wieder auf Automatik zurückgeschaltet wird.</translation>
    </message>
    <message>
        <source>The operator&apos;s hold on primary machine &apos;%2&apos; for &apos;%1&apos; ended: it lost communication. Automatic fail-over applies again.</source>
        <translation>Die Festlegung des Bedieners auf den Primärrechner &apos;%2&apos; für &apos;%1&apos; ist beendet: Er hat die Kommunikation verloren. Die automatische Umschaltung gilt wieder.</translation>
    </message>
    <message>
        <source>The operator&apos;s hold on secondary machine &apos;%2&apos; for &apos;%1&apos; ended: it lost communication. Automatic fail-over applies again.</source>
        <translation>Die Festlegung des Bedieners auf den Sekundärrechner &apos;%2&apos; für &apos;%1&apos; ist beendet: Er hat die Kommunikation verloren. Die automatische Umschaltung gilt wieder.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; returned to automatic fail-over; primary machine &apos;%2&apos; was held by the operator.</source>
        <translation>&apos;%1&apos; ist zur automatischen Umschaltung zurückgekehrt; der Primärrechner &apos;%2&apos; war vom Bediener festgelegt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; returned to automatic fail-over; secondary machine &apos;%2&apos; was held by the operator.</source>
        <translation>&apos;%1&apos; ist zur automatischen Umschaltung zurückgekehrt; der Sekundärrechner &apos;%2&apos; war vom Bediener festgelegt.</translation>
    </message>
    <message>
        <source>Both machines of &apos;%1&apos; report monitor errors (&apos;%2&apos; and &apos;%3&apos;); the pair stays where it is and does not switch.</source>
        <translation>Beide Rechner von &apos;%1&apos; melden Überwachungsfehler (&apos;%2&apos; und &apos;%3&apos;); das Paar bleibt, wo es ist, und schaltet nicht um.</translation>
    </message>
    <message>
        <source>The license allows %1 pair(s); &apos;%2&apos; is enabled beyond that: it passes its clients to its primary machine without redundancy.</source>
        <translation>Die Lizenz erlaubt %1 Paar(e); &apos;%2&apos; ist darüber hinaus aktiviert: Es leitet seine Clients ohne Redundanz an seinen Primärrechner durch.</translation>
    </message>
    <message>
        <source>The license&apos;s grace period has ended: the start stored in %1 was changed, or the license was copied from another computer or folder. Demo limits apply until the license is unlocked (Help › Unlock a License).</source>
        <translation>Die Karenzzeit der Lizenz ist beendet: Der in %1 gespeicherte Beginn wurde geändert, oder die Lizenz wurde von einem anderen Computer oder Ordner kopiert. Bis zur Freischaltung der Lizenz gelten die Demo-Beschränkungen (Hilfe › Lizenz freischalten).</translation>
    </message>
    <message>
        <source>Control command &apos;%1&apos; from %2 (uid %3, pid %4).</source>
        <translation>Steuerbefehl &apos;%1&apos; von %2 (UID %3, PID %4).</translation>
    </message>
    <message>
        <source>Control command &apos;%1&apos; from %2 (uid %3, pid %4) was refused: it needs the administrator role.</source>
        <translation>Steuerbefehl &apos;%1&apos; von %2 (UID %3, PID %4) wurde abgelehnt: Er erfordert die Administratorrolle.</translation>
    </message>
    <message>
        <source>Refused logins to &apos;%1&apos; from %2 for %3 s after %4 failed attempts.</source>
        <translation>Anmeldungen an &apos;%1&apos; von %2 für %3 s abgewiesen nach %4 fehlgeschlagenen Versuchen.</translation>
    </message>
    <message>
        <source>%2 more events about clients of &apos;%1&apos; were not posted in the last minute (at most %3 a minute are).</source>
        <translation>%2 weitere Ereignisse zu Clients von „%1“ wurden in der letzten Minute nicht gemeldet (höchstens %3 pro Minute).</translation>
    </message>
    <message>
        <source>Out of file descriptors while accepting clients of &apos;%1&apos; (%2 connected): the longest idle clients are closed to keep accepting.</source>
        <translation>Keine Dateideskriptoren mehr beim Annehmen von Clients von „%1“ (%2 verbunden): Die am längsten untätigen Clients werden geschlossen, damit weiter angenommen wird.</translation>
    </message>
    <message>
        <source>The e-mail outbox of the backup &apos;%1&apos; was not restored: %2</source>
        <translation>Der E-Mail-Postausgang der Sicherung „%1“ wurde nicht wiederhergestellt: %2</translation>
    </message>
    <message>
        <source>New e-mail notifications are refused: the outbox &apos;%1&apos; cannot be written (%2). Mail already in the outbox is still delivered.</source>
        <translation>Neue E-Mail-Benachrichtigungen werden abgewiesen: der Postausgang „%1“ kann nicht geschrieben werden (%2). Mails, die schon im Postausgang liegen, werden weiter zugestellt.</translation>
    </message>
    <message>
        <source>The e-mail outbox &apos;%1&apos; takes new notifications again; %2 were refused meanwhile.</source>
        <translation>Der E-Mail-Postausgang „%1“ nimmt wieder neue Benachrichtigungen an; %2 wurden in der Zwischenzeit abgewiesen.</translation>
    </message>
    <message>
        <source>Refused the OPC UA certificate &apos;%4&apos; (SHA-1 thumbprint %5) of %2 for &apos;%1&apos;: %3.</source>
        <translation>Das OPC-UA-Zertifikat &apos;%4&apos; (SHA-1-Fingerabdruck %5) von %2 wurde für &apos;%1&apos; abgelehnt: %3.</translation>
    </message>
    <message>
        <source>Tandem&apos;s own OPC UA certificate cannot be used for &apos;%1&apos;: %2</source>
        <translation>Tandems eigenes OPC-UA-Zertifikat kann für &apos;%1&apos; nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; talks to %2 with the deprecated security policy %3.</source>
        <translation>&apos;%1&apos; spricht mit %2 über die veraltete Sicherheitsrichtlinie %3.</translation>
    </message>
    <message>
        <source>OPC UA user &apos;%2&apos; at %3 called %4 on &apos;%1&apos;.</source>
        <translation>OPC-UA-Benutzer &apos;%2&apos; an %3 hat %4 auf &apos;%1&apos; aufgerufen.</translation>
    </message>
</context>
<context>
    <name>TandemEventPlaceholders</name>
    <message>
        <source>pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>file,reason</source>
        <translation>Datei,Grund</translation>
    </message>
    <message>
        <source>server,endpoint,reason</source>
        <translation>Server,Endpunkt,Grund</translation>
    </message>
    <message>
        <source>primary SMTP,secondary SMTP,reason</source>
        <translation>primärer SMTP,sekundärer SMTP,Grund</translation>
    </message>
    <message>
        <source>SMTP server,count</source>
        <translation>SMTP-Server,Anzahl</translation>
    </message>
    <message>
        <source>subject,SMTP server,recipients</source>
        <translation>Betreff,SMTP-Server,Empfänger</translation>
    </message>
    <message>
        <source>subject,recipients,attempts,hours,error</source>
        <translation>Betreff,Empfänger,Versuche,Stunden,Fehler</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>pairs,server</source>
        <translation>Paare,Server</translation>
    </message>
    <message>
        <source>server,client,reason</source>
        <translation>Server,Client,Grund</translation>
    </message>
    <message>
        <source>server,machine,item</source>
        <translation>Server,Rechner,Element</translation>
    </message>
    <message>
        <source>server,machine,level</source>
        <translation>Server,Rechner,Stufe</translation>
    </message>
    <message>
        <source>folder,reason</source>
        <translation>Ordner,Grund</translation>
    </message>
    <message>
        <source>file,days</source>
        <translation>Datei,Tage</translation>
    </message>
    <message>
        <source>file,available,total</source>
        <translation>Datei,verfügbar,gesamt</translation>
    </message>
    <message>
        <source>folder,available,total</source>
        <translation>Ordner,verfügbar,gesamt</translation>
    </message>
    <message>
        <source>server,primary machine,secondary machine</source>
        <translation>Server,Primärrechner,Sekundärrechner</translation>
    </message>
    <message>
        <source>command,user,uid,pid</source>
        <translation>Befehl,Benutzer,UID,PID</translation>
    </message>
    <message>
        <source>server,client,seconds,attempts</source>
        <translation>Server,Client,Sekunden,Versuche</translation>
    </message>
    <message>
        <source>server,count,limit</source>
        <translation>Server,Anzahl,Grenze</translation>
    </message>
    <message>
        <source>server,clients</source>
        <translation>Server,Clients</translation>
    </message>
    <message>
        <source>file,count</source>
        <translation>Datei,Anzahl</translation>
    </message>
    <message>
        <source>server,peer,status,subject,thumbprint</source>
        <translation>Server,Gegenstelle,Status,Antragsteller,Fingerabdruck</translation>
    </message>
    <message>
        <source>server,reason</source>
        <translation>Server,Grund</translation>
    </message>
    <message>
        <source>server,peer,policy</source>
        <translation>Server,Gegenstelle,Richtlinie</translation>
    </message>
    <message>
        <source>server,user,client,method</source>
        <translation>Server,Benutzer,Client,Methode</translation>
    </message>
</context>
<context>
    <name>TarFile</name>
    <message>
        <source>it is empty or not a tar archive</source>
        <translation>Die Datei ist leer oder kein tar-Archiv</translation>
    </message>
    <message>
        <source>it is truncated (the end of the archive is missing after %1)</source>
        <translation>Die Datei ist abgeschnitten (das Ende des Archivs fehlt nach %1)</translation>
    </message>
    <message>
        <source>it is truncated (the end of the archive is incomplete)</source>
        <translation>Die Datei ist abgeschnitten (das Ende des Archivs ist unvollständig)</translation>
    </message>
    <message>
        <source>entry %1 has no ustar header (not a Tandem backup archive)</source>
        <translation>Eintrag %1 hat keinen ustar-Header (kein Tandem-Sicherungsarchiv)</translation>
    </message>
    <message>
        <source>the header of entry %1 is damaged (bad header checksum)</source>
        <translation>Der Header von Eintrag %1 ist beschädigt (falsche Header-Prüfsumme)</translation>
    </message>
    <message>
        <source>entry %1 has the unsafe name &apos;%2&apos; (absolute or with &apos;..&apos;)</source>
        <translation>Eintrag %1 hat den unsicheren Namen &apos;%2&apos; (absolut oder mit &apos;..&apos;)</translation>
    </message>
    <message>
        <source>%1 is not a regular file (tar type &apos;%2&apos;)</source>
        <translation>%1 ist keine reguläre Datei (tar-Typ &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>the size of %1 is not a number</source>
        <translation>Die Größe von %1 ist keine Zahl</translation>
    </message>
    <message>
        <source>%1 is too large (%2 bytes; at most %3)</source>
        <translation>%1 ist zu groß (%2 Bytes; höchstens %3)</translation>
    </message>
    <message>
        <source>it holds more than %1 files</source>
        <translation>Das Archiv enthält mehr als %1 Dateien</translation>
    </message>
    <message>
        <source>it is truncated (%1 is cut short)</source>
        <translation>Die Datei ist abgeschnitten (%1 ist unvollständig)</translation>
    </message>
</context>
<context>
    <name>UnlockPassword</name>
    <message>
        <source>this is not an unlock password (0-9 and A-Z in groups of five; check for a missing or extra group)</source>
        <translation>Das ist kein Freischaltpasswort (0-9 und A-Z in Fünfergruppen; prüfen Sie, ob eine Gruppe fehlt oder zu viel ist)</translation>
    </message>
    <message>
        <source>the unlock password does not fit this serial number and Computer ID %1: a character is wrong, or it was issued for another computer</source>
        <translation>Das Freischaltpasswort passt nicht zu dieser Seriennummer und Computer-ID %1: Ein Zeichen ist falsch, oder es wurde für einen anderen Computer ausgestellt</translation>
    </message>
</context>
<context>
    <name>UserToken</name>
    <message>
        <source>the security policy %1 is not one Tandem can encrypt a password for</source>
        <translation>Für die Sicherheitsrichtlinie %1 kann Tandem kein Passwort verschlüsseln</translation>
    </message>
    <message>
        <source>the server sent no certificate to encrypt the password with</source>
        <translation>Der Server hat kein Zertifikat gesendet, mit dem das Passwort verschlüsselt werden kann</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not a valid X.509 certificate</source>
        <translation>Das Zertifikat des Servers ist kein gültiges X.509-Zertifikat</translation>
    </message>
    <message>
        <source>the server&apos;s certificate holds no RSA key</source>
        <translation>Das Zertifikat des Servers enthält keinen RSA-Schlüssel</translation>
    </message>
    <message>
        <source>encrypting the password failed</source>
        <translation>Das Verschlüsseln des Passworts ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>Tandem redundancy console</source>
        <translation>Tandem-Redundanzkonsole</translation>
    </message>
    <message>
        <source>Configuration file (default ~/.config/tandem/tandem.xml).</source>
        <translation>Konfigurationsdatei (Standard: ~/.config/tandem/tandem.xml).</translation>
    </message>
    <message>
        <source>State directory (default ~/.local/state/tandem).</source>
        <translation>Statusverzeichnis (Standard: ~/.local/state/tandem).</translation>
    </message>
    <message>
        <source>Stands in for /etc/machine-id (tests, demos).</source>
        <translation>Ersetzt /etc/machine-id (Tests, Vorführungen).</translation>
    </message>
    <message>
        <source>Language of the console: en, de or es (default: View › Language, else the system&apos;s).</source>
        <translation>Sprache der Konsole: en, de oder es (Standard: Ansicht › Sprache, sonst die des Systems).</translation>
    </message>
    <message>
        <source>Unknown language &apos;%1&apos;: use en, de or es.</source>
        <translation>Unbekannte Sprache &apos;%1&apos;: Verwenden Sie en, de oder es.</translation>
    </message>
    <message>
        <source>Some machine-local state could not be read:</source>
        <translation>Ein Teil des rechnerlokalen Zustands konnte nicht gelesen werden:</translation>
    </message>
    <message>
        <source>The configuration file could not be read. It was left unchanged and Tandem will not save over it.</source>
        <translation>Die Konfigurationsdatei konnte nicht gelesen werden. Sie wurde nicht verändert, und Tandem wird sie nicht überschreiben.</translation>
    </message>
    <message>
        <source>The engine could not run everything:</source>
        <translation>Die Engine konnte nicht alles ausführen:</translation>
    </message>
    <message>
        <source>Screenshots to DIR.</source>
        <translation>Bildschirmfotos in DIR speichern.</translation>
    </message>
    <message>
        <source>Configuration of the system service: %1 (start with --config to open another)</source>
        <translation>Konfiguration des Systemdienstes: %1 (mit --config starten, um eine andere zu öffnen)</translation>
    </message>
</context>
<context>
    <name>tandem::AddPairDialog</name>
    <message>
        <source>Add Redundant Server Configuration</source>
        <translation>Redundante Serverkonfiguration hinzufügen</translation>
    </message>
    <message>
        <source>e.g. line1</source>
        <translation>z. B. line1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Modbus TCP</source>
        <translation>Modbus TCP</translation>
    </message>
    <message>
        <source>OPC UA</source>
        <translation>OPC UA</translation>
    </message>
    <message>
        <source>P&amp;rotocol:</source>
        <translation>P&amp;rotokoll:</translation>
    </message>
    <message>
        <source>Client &amp;endpoint:</source>
        <translation>Client-&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>host or host:port</source>
        <translation>Host oder Host:Port</translation>
    </message>
    <message>
        <source>&amp;Primary (Hostname or IP Address):</source>
        <translation>&amp;Primärrechner (Hostname oder IP-Adresse):</translation>
    </message>
    <message>
        <source>&amp;Secondary (Hostname or IP Address):</source>
        <translation>&amp;Sekundärrechner (Hostname oder IP-Adresse):</translation>
    </message>
    <message>
        <source>Connection &amp;mode:</source>
        <translation>Verbindungs&amp;modus:</translation>
    </message>
</context>
<context>
    <name>tandem::AgreementPage</name>
    <message>
        <source>License Agreement</source>
        <translation>Lizenzvereinbarung</translation>
    </message>
    <message>
        <source>Step 1 of 4: read and accept the license agreement before moving a license from one computer to another.</source>
        <translation>Schritt 1 von 4: Lesen und akzeptieren Sie die Lizenzvereinbarung, bevor Sie eine Lizenz von einem Computer auf einen anderen übertragen.</translation>
    </message>
    <message>
        <source>I &amp;accept the terms of this license agreement</source>
        <translation>Ich &amp;akzeptiere die Bedingungen dieser Lizenzvereinbarung</translation>
    </message>
    <message>
        <source>I do &amp;not accept the terms of this license agreement</source>
        <translation>Ich akzeptiere die Bedingungen dieser Lizenzvereinbarung &amp;nicht</translation>
    </message>
    <message>
        <source>&lt;b&gt;Before you begin:&lt;/b&gt; have removable media ready (any USB stick or card with a little free space; it needs no special format) and make sure you can reach both computers. Once the license has left the source computer, finish the remaining steps: until it is installed on the target computer, neither computer can use it. An interruption (a pulled stick, a crash, a power cut) does not lose the license: every stage is journaled, and the next run of this wizard finishes or undoes the unfinished step.</source>
        <translation>&lt;b&gt;Bevor Sie beginnen:&lt;/b&gt; Halten Sie einen Wechseldatenträger bereit (einen beliebigen USB-Stick oder eine Speicherkarte mit etwas freiem Platz; ein besonderes Format ist nicht nötig) und stellen Sie sicher, dass Sie beide Computer erreichen. Sobald die Lizenz den Quellcomputer verlassen hat, führen Sie die restlichen Schritte aus: Bis sie auf dem Zielcomputer installiert ist, kann keiner der beiden Computer sie nutzen. Eine Unterbrechung (ein abgezogener Stick, ein Absturz, ein Stromausfall) kostet die Lizenz nicht: Jeder Schritt wird protokolliert, und der nächste Lauf dieses Assistenten schließt den unfertigen Schritt ab oder macht ihn rückgängig.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tandem Software License Agreement&lt;/h3&gt;&lt;p&gt;The software license agreement under which this copy of Tandem was licensed applies to the license you are about to transfer, unchanged. A license serves one computer at a time: transferring it moves it to the target computer and removes it from the source computer; it does not copy it.&lt;/p&gt;&lt;p&gt;For the full text of the agreement, contact technical support (Help › Technical Support).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tandem-Softwarelizenzvereinbarung&lt;/h3&gt;&lt;p&gt;Die Softwarelizenzvereinbarung, unter der diese Kopie von Tandem lizenziert wurde, gilt unverändert für die Lizenz, die Sie übertragen wollen. Eine Lizenz gilt jeweils für einen Computer: Die Übertragung verschiebt sie auf den Zielcomputer und entfernt sie vom Quellcomputer; sie kopiert sie nicht.&lt;/p&gt;&lt;p&gt;Den vollständigen Text der Vereinbarung erhalten Sie beim technischen Support (Hilfe › Technischer Support).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tandem::AliasDialog</name>
    <message>
        <source>Alias Redundant Server Configuration</source>
        <translation>Alias für redundante Serverkonfiguration anlegen</translation>
    </message>
    <message>
        <source>Current name:</source>
        <translation>Aktueller Name:</translation>
    </message>
    <message>
        <source>&amp;New name:</source>
        <translation>&amp;Neuer Name:</translation>
    </message>
    <message>
        <source>Client &amp;endpoint:</source>
        <translation>Client-&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>Note: alias names cannot include the characters &lt;, &gt; and &amp;. Clients that should use this pair connect to its new endpoint.</source>
        <translation>Hinweis: Alias-Namen dürfen die Zeichen &lt;, &gt; und &amp; nicht enthalten. Clients, die dieses Paar verwenden sollen, verbinden sich mit seinem neuen Endpunkt.</translation>
    </message>
</context>
<context>
    <name>tandem::BackupDialog</name>
    <message>
        <source>Backup and Restore</source>
        <translation>Sichern und Wiederherstellen</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Automatische Sicherungen</translation>
    </message>
    <message>
        <source>&amp;Back up automatically</source>
        <translation>&amp;Automatisch sichern</translation>
    </message>
    <message>
        <source> hour(s)</source>
        <translation> Stunde(n)</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> Tag(e)</translation>
    </message>
    <message>
        <source>B&amp;rowse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <source>&amp;Keep for:</source>
        <translation>Auf&amp;bewahren für:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>When free space on the backup disk drops under 10 GB or 10 %, the oldest backups are deleted first, whatever their age. The newest backup is always kept. The schedule is part of the configuration: save it with File › Save.</source>
        <translation>Wenn der freie Speicherplatz auf dem Sicherungslaufwerk unter 10 GB oder 10 % fällt, werden die ältesten Sicherungen zuerst gelöscht, unabhängig von ihrem Alter. Die neueste Sicherung bleibt immer erhalten. Der Zeitplan ist Teil der Konfiguration: Speichern Sie ihn mit Datei › Speichern.</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Back Up &amp;Now</source>
        <translation>&amp;Jetzt sichern</translation>
    </message>
    <message>
        <source>&amp;Restore...</source>
        <translation>&amp;Wiederherstellen...</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Backups in the folder</source>
        <translation>Sicherungen im Ordner</translation>
    </message>
    <message>
        <source>A backup holds tandem.xml, the event history and the e-mail outbox; never the license nor passwords. After a restore every pair is disabled on this computer.</source>
        <translation>Eine Sicherung enthält tandem.xml, den Ereignisverlauf und den E-Mail-Postausgang, aber nie die Lizenz oder Passwörter. Nach einer Wiederherstellung sind alle Paare auf diesem Computer deaktiviert.</translation>
    </message>
    <message>
        <source>Backup Folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>Last backup: %1.</source>
        <translation>Letzte Sicherung: %1.</translation>
    </message>
    <message>
        <source>Next backup: %1.</source>
        <translation>Nächste Sicherung: %1.</translation>
    </message>
    <message>
        <source>The last backup failed: %1</source>
        <translation>Die letzte Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Free space on the backup disk is under the floor.</source>
        <translation>Der freie Speicherplatz auf dem Sicherungslaufwerk liegt unter dem Mindestwert.</translation>
    </message>
    <message>
        <source>The engine makes no automatic backups now.</source>
        <translation>Die Engine erstellt derzeit keine automatischen Sicherungen.</translation>
    </message>
    <message>
        <source>Damaged: %1</source>
        <translation>Beschädigt: %1</translation>
    </message>
    <message>
        <source>Complete (%1)</source>
        <translation>Vollständig (%1)</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>Die Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Restore the backup of %1 from %2?

The configuration, the event history and the e-mail outbox are replaced; the current files are kept beside them as *.before-restore. Every pair is disabled afterwards: enable them when ready.</source>
        <translation>Die Sicherung von %2 vom %1 wiederherstellen?

Die Konfiguration, der Ereignisverlauf und der E-Mail-Postausgang werden ersetzt; die aktuellen Dateien werden daneben als *.before-restore aufbewahrt. Danach sind alle Paare deaktiviert: Aktivieren Sie sie, sobald Sie bereit sind.</translation>
    </message>
    <message>
        <source>Unsaved changes to the configuration are lost.</source>
        <translation>Nicht gespeicherte Änderungen an der Konfiguration gehen verloren.</translation>
    </message>
    <message>
        <source>The engine in this console stops for the restore and starts again.</source>
        <translation>Die Engine in dieser Konsole wird für die Wiederherstellung beendet und danach neu gestartet.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>Es wurde nichts wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Restored from %1. Every pair is disabled.</source>
        <translation>Aus %1 wiederhergestellt. Alle Paare sind deaktiviert.</translation>
    </message>
    <message>
        <source>Restart the console to run the engine on the restored files.</source>
        <translation>Starten Sie die Konsole neu, damit die Engine mit den wiederhergestellten Dateien läuft.</translation>
    </message>
</context>
<context>
    <name>tandem::CertificatesDialog</name>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Tandem&apos;s own certificate</source>
        <translation>Tandems eigenes Zertifikat</translation>
    </message>
    <message>
        <source>&amp;Renew...</source>
        <translation>&amp;Erneuern...</translation>
    </message>
    <message>
        <source>A new key and a new self-signed certificate in place of the current ones</source>
        <translation>Ein neuer Schlüssel und ein neues selbstsigniertes Zertifikat anstelle der bisherigen</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>&amp;Importieren...</translation>
    </message>
    <message>
        <source>Use a certificate the plant&apos;s CA issued: a certificate file with its key file, or a PKCS#12 file</source>
        <translation>Ein Zertifikat verwenden, das die CA der Anlage ausgestellt hat: eine Zertifikatsdatei mit ihrer Schlüsseldatei oder eine PKCS#12-Datei</translation>
    </message>
    <message>
        <source>&amp;Trusted</source>
        <translation>&amp;Vertrauenswürdig</translation>
    </message>
    <message>
        <source>I&amp;ssuers</source>
        <translation>A&amp;ussteller</translation>
    </message>
    <message>
        <source>Re&amp;jected</source>
        <translation>A&amp;bgelehnt</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Thumbprint (SHA-1)</source>
        <translation>Fingerabdruck (SHA-1)</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Application URI</source>
        <translation>Anwendungs-URI</translation>
    </message>
    <message>
        <source>Certificates of servers and clients Tandem accepts, and CAs whose certificates it accepts</source>
        <translation>Zertifikate von Servern und Clients, die Tandem akzeptiert, und CAs, deren Zertifikate es akzeptiert</translation>
    </message>
    <message>
        <source>CAs that complete a chain without being trusted themselves</source>
        <translation>CAs, die eine Kette vervollständigen, ohne selbst vertrauenswürdig zu sein</translation>
    </message>
    <message>
        <source>Certificates Tandem refused; trust one to accept it</source>
        <translation>Zertifikate, die Tandem abgelehnt hat; vertrauen Sie einem, um es zu akzeptieren</translation>
    </message>
    <message>
        <source>Tr&amp;ust</source>
        <translation>Ver&amp;trauen</translation>
    </message>
    <message>
        <source>R&amp;eject</source>
        <translation>Ab&amp;lehnen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Hinzufügen...</translation>
    </message>
    <message>
        <source>Trust a certificate file (DER or PEM)</source>
        <translation>Einer Zertifikatsdatei vertrauen (DER oder PEM)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>The engine reads these folders at every connection: changes count from the next connection, without a restart.</source>
        <translation>Der Dienst liest diese Ordner bei jeder Verbindung: Änderungen gelten ab der nächsten Verbindung, ohne Neustart.</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>the folder %1 cannot be read by this user</source>
        <translation>der Ordner %1 ist für diesen Benutzer nicht lesbar</translation>
    </message>
    <message>
        <source>The certificates cannot be shown: %1.

When Tandem runs as a system service, its certificates belong to the service&apos;s user. Manage them from a terminal instead:
    sudo tandemctl --state-dir %2 cert list
(and cert show, trust, reject, remove, renew, import).</source>
        <translation>Die Zertifikate können nicht angezeigt werden: %1.

Läuft Tandem als Systemdienst, gehören seine Zertifikate dem Benutzer des Dienstes. Verwalten Sie sie stattdessen in einem Terminal:
    sudo tandemctl --state-dir %2 cert list
(sowie cert show, trust, reject, remove, renew, import).</translation>
    </message>
    <message>
        <source>Tandem has no certificate yet. The engine creates one when it first starts an OPC UA link or endpoint; Create makes it now.</source>
        <translation>Tandem hat noch kein Zertifikat. Der Dienst erstellt eines, wenn er zum ersten Mal eine OPC-UA-Verbindung oder einen Endpunkt startet; Erstellen erzeugt es sofort.</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>E&amp;rstellen</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>Renew Tandem&apos;s Certificate</source>
        <translation>Tandems Zertifikat erneuern</translation>
    </message>
    <message>
        <source>Tandem gets a new key and a new self-signed certificate in place of the current ones.

Every OPC UA server and client that trusted the old certificate refuses Tandem until it trusts the new one. Renew now?</source>
        <translation>Tandem erhält einen neuen Schlüssel und ein neues selbstsigniertes Zertifikat anstelle der bisherigen.

Jeder OPC-UA-Server und -Client, der dem alten Zertifikat vertraut hat, weist Tandem ab, bis er dem neuen vertraut. Jetzt erneuern?</translation>
    </message>
    <message>
        <source>The certificate was not renewed: %1</source>
        <translation>Das Zertifikat wurde nicht erneuert: %1</translation>
    </message>
    <message>
        <source>Tandem now uses %1; servers and clients that trusted the old certificate must trust this one.</source>
        <translation>Tandem verwendet jetzt %1; Server und Clients, die dem alten Zertifikat vertraut haben, müssen diesem vertrauen.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>The password of %1 (empty if it has none):</source>
        <translation>Das Passwort von %1 (leer, wenn es keines hat):</translation>
    </message>
    <message>
        <source>The certificate was not imported: %1</source>
        <translation>Das Zertifikat wurde nicht importiert: %1</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB: not a certificate or key</source>
        <translation>%1 ist größer als 1 MiB: kein Zertifikat und kein Schlüssel</translation>
    </message>
    <message>
        <source>Import a Certificate</source>
        <translation>Zertifikat importieren</translation>
    </message>
    <message>
        <source>Certificates and PKCS#12 files (*.der *.pem *.crt *.cer *.p12 *.pfx);;All files (*)</source>
        <translation>Zertifikate und PKCS#12-Dateien (*.der *.pem *.crt *.cer *.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The Certificate&apos;s Private Key</source>
        <translation>Der private Schlüssel des Zertifikats</translation>
    </message>
    <message>
        <source>Private keys (*.pem *.key);;All files (*)</source>
        <translation>Private Schlüssel (*.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Tandem now uses %1; servers and clients must trust it before they accept Tandem.</source>
        <translation>Tandem verwendet jetzt %1; Server und Clients müssen ihm vertrauen, bevor sie Tandem akzeptieren.</translation>
    </message>
    <message>
        <source>Trust Certificate</source>
        <translation>Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Trust &apos;%1&apos;?

Thumbprint: %2

Compare the thumbprint with the one the server or client shows in its own configuration: a certificate is only as trustworthy as that comparison.</source>
        <translation>&apos;%1&apos; vertrauen?

Fingerabdruck: %2

Vergleichen Sie den Fingerabdruck mit dem, den der Server oder Client in seiner eigenen Konfiguration zeigt: Ein Zertifikat ist nur so vertrauenswürdig wie dieser Vergleich.</translation>
    </message>
    <message>
        <source>Trusted %1.</source>
        <translation>%1 ist jetzt vertrauenswürdig.</translation>
    </message>
    <message>
        <source>Reject Certificate</source>
        <translation>Zertifikat ablehnen</translation>
    </message>
    <message>
        <source>Reject &apos;%1&apos;? It moves to the rejected list: connections that present it are refused from now on.</source>
        <translation>&apos;%1&apos; ablehnen? Es wandert in die Liste der abgelehnten: Verbindungen, die es vorlegen, werden ab jetzt abgewiesen.</translation>
    </message>
    <message>
        <source>Rejected %1: it is no longer trusted.</source>
        <translation>%1 abgelehnt: es ist nicht mehr vertrauenswürdig.</translation>
    </message>
    <message>
        <source>Remove Certificate</source>
        <translation>Zertifikat entfernen</translation>
    </message>
    <message>
        <source>Delete the damaged file %1?</source>
        <translation>Die beschädigte Datei %1 löschen?</translation>
    </message>
    <message>
        <source>Remove &apos;%1&apos; from every list that holds it? A server or client that presents it is then refused as unknown.</source>
        <translation>&apos;%1&apos; aus jeder Liste entfernen, die es enthält? Ein Server oder Client, der es vorlegt, wird dann als unbekannt abgewiesen.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>Trust a Certificate</source>
        <translation>Einem Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Certificates (*.der *.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.der *.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB: not a certificate</source>
        <translation>%1 ist größer als 1 MiB: kein Zertifikat</translation>
    </message>
</context>
<context>
    <name>tandem::CompletionPage</name>
    <message>
        <source>Congratulations!</source>
        <translation>Herzlichen Glückwunsch!</translation>
    </message>
    <message>
        <source>Step 5: the license transfer is complete.</source>
        <translation>Schritt 5: Die Lizenzübertragung ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Congratulations! The license has been transferred to this computer. The media no longer holds it and need not be kept.</source>
        <translation>Herzlichen Glückwunsch! Die Lizenz wurde auf diesen Computer übertragen. Der Datenträger enthält sie nicht mehr und muss nicht aufbewahrt werden.</translation>
    </message>
    <message>
        <source>The License Has Left This Computer</source>
        <translation>Die Lizenz hat diesen Computer verlassen</translation>
    </message>
    <message>
        <source>Step 5: this computer&apos;s part of the transfer is complete.</source>
        <translation>Schritt 5: Der Teil der Übertragung auf diesem Computer ist abgeschlossen.</translation>
    </message>
    <message>
        <source>The license is on the media at %1.</source>
        <translation>Die Lizenz befindet sich auf dem Datenträger unter %1.</translation>
    </message>
    <message>
        <source>The license is on the media at %1, for the computer %2.</source>
        <translation>Die Lizenz befindet sich auf dem Datenträger unter %1, für den Computer %2.</translation>
    </message>
    <message>
        <source>Take the media to the target computer and install the license there (Help › Transfer a License..., Step 4).</source>
        <translation>Bringen Sie den Datenträger zum Zielcomputer und installieren Sie die Lizenz dort (Hilfe › Lizenz übertragen..., Schritt 4).</translation>
    </message>
    <message>
        <source>License Transfer</source>
        <translation>Lizenzübertragung</translation>
    </message>
    <message>
        <source>Step 5</source>
        <translation>Schritt 5</translation>
    </message>
    <message>
        <source>No license was moved in this run of the wizard.</source>
        <translation>In diesem Lauf des Assistenten wurde keine Lizenz übertragen.</translation>
    </message>
    <message>
        <source>This computer&apos;s license: %1</source>
        <translation>Lizenz dieses Computers: %1</translation>
    </message>
    <message numerus="yes">
        <source>The license must be unlocked for this computer within %n day(s): contact technical support with the serial number and Computer ID below, and enter the password they issue in Help › Unlock a License...

Application S/N: %1
Computer ID: %2</source>
        <translation>
            <numerusform>Die Lizenz muss innerhalb von %n Tag für diesen Computer freigeschaltet werden: Wenden Sie sich mit der Seriennummer und der Computer-ID unten an den technischen Support und geben Sie das erhaltene Passwort unter Hilfe › Lizenz freischalten... ein.

Anwendungs-S/N: %1
Computer-ID: %2</numerusform>
            <numerusform>Die Lizenz muss innerhalb von %n Tagen für diesen Computer freigeschaltet werden: Wenden Sie sich mit der Seriennummer und der Computer-ID unten an den technischen Support und geben Sie das erhaltene Passwort unter Hilfe › Lizenz freischalten... ein.

Anwendungs-S/N: %1
Computer-ID: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ConfigDocument</name>
    <message>
        <source>not saved: this file could not be read when Tandem started, and saving would overwrite it. Fix or move the file, then start Tandem again.</source>
        <translation>Nicht gespeichert: Diese Datei konnte beim Start von Tandem nicht gelesen werden, und Speichern würde sie überschreiben. Reparieren oder verschieben Sie die Datei und starten Sie Tandem neu.</translation>
    </message>
    <message>
        <source>there is no pair named &apos;%1&apos;</source>
        <translation>Es gibt kein Paar namens &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a pair named &apos;%1&apos; already exists</source>
        <translation>Ein Paar namens &apos;%1&apos; existiert bereits</translation>
    </message>
    <message>
        <source>a pair is renamed by aliasing it, not by editing its settings</source>
        <translation>Ein Paar wird durch einen Alias umbenannt, nicht durch Bearbeiten seiner Einstellungen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already an alias of &apos;%2&apos;; unalias it first</source>
        <translation>&apos;%1&apos; ist bereits ein Alias von &apos;%2&apos;; lösen Sie den Alias zuerst auf</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an alias</source>
        <translation>&apos;%1&apos; ist kein Alias</translation>
    </message>
    <message>
        <source>cannot unalias &apos;%1&apos;: its original name &apos;%2&apos; is in use as a redundant server configuration</source>
        <translation>Der Alias &apos;%1&apos; kann nicht aufgelöst werden: Sein ursprünglicher Name &apos;%2&apos; wird von einer redundanten Serverkonfiguration verwendet</translation>
    </message>
    <message>
        <source>cannot unalias &apos;%1&apos;: %2</source>
        <translation>Der Alias &apos;%1&apos; kann nicht aufgelöst werden: %2</translation>
    </message>
</context>
<context>
    <name>tandem::ConsoleChannelSecurity</name>
    <message>
        <source>Tandem&apos;s own certificate cannot be used: %1</source>
        <translation>Tandems eigenes Zertifikat kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>no state directory holds Tandem&apos;s certificates</source>
        <translation>kein Zustandsverzeichnis enthält Tandems Zertifikate</translation>
    </message>
</context>
<context>
    <name>tandem::DiagnosticsPage</name>
    <message>
        <source>Event View</source>
        <translation>Ereignisanzeige</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation>Alle Paare</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>Ereignisse durchsuchen</translation>
    </message>
    <message>
        <source>Events appear here once the Tandem engine runs and records them.</source>
        <translation>Ereignisse erscheinen hier, sobald die Tandem-Engine läuft und sie aufzeichnet.</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>Speichern &amp;unter...</translation>
    </message>
    <message>
        <source>Save every event to a text file, one per line</source>
        <translation>Alle Ereignisse in eine Textdatei speichern, eines pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Clear the event view and the events preserved on disk</source>
        <translation>Ereignisanzeige und die auf der Festplatte aufbewahrten Ereignisse löschen</translation>
    </message>
    <message>
        <source>&amp;Preserve events to disk on shutdown</source>
        <translation>Ereignisse beim Beenden auf der Festplatte &amp;aufbewahren</translation>
    </message>
    <message>
        <source>Keep the event view across restarts; new events are appended to the preserved ones.</source>
        <translation>Die Ereignisanzeige über Neustarts hinweg behalten; neue Ereignisse werden an die aufbewahrten angehängt.</translation>
    </message>
    <message>
        <source>Once this many events are held, the oldest are discarded (%1 to %2, default %3).</source>
        <translation>Sind so viele Ereignisse erfasst, werden die ältesten verworfen (%1 bis %2, Standard %3).</translation>
    </message>
    <message>
        <source>&amp;Maximum number of events to capture:</source>
        <translation>&amp;Maximale Anzahl zu erfassender Ereignisse:</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Events</source>
        <translation>Ereignisse speichern</translation>
    </message>
    <message>
        <source>The events could not be saved to %1: %2</source>
        <translation>Die Ereignisse konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reset Events</source>
        <translation>Ereignisse zurücksetzen</translation>
    </message>
    <message>
        <source>Clear the event view and every event preserved on disk? This cannot be undone; use Save As first to keep a copy.</source>
        <translation>Die Ereignisanzeige und alle auf der Festplatte aufbewahrten Ereignisse löschen? Das kann nicht rückgängig gemacht werden; speichern Sie vorher mit „Speichern unter“ eine Kopie.</translation>
    </message>
</context>
<context>
    <name>tandem::Engine</name>
    <message>
        <source>this engine was built without the pair&apos;s protocol</source>
        <translation>diese Engine wurde ohne das Protokoll des Paares gebaut</translation>
    </message>
</context>
<context>
    <name>tandem::EngineHost</name>
    <message>
        <source>the engine has no event history</source>
        <translation>Die Engine hat keinen Ereignisverlauf</translation>
    </message>
    <message>
        <source>the engine has no e-mail outbox</source>
        <translation>Die Engine hat keinen E-Mail-Postausgang</translation>
    </message>
    <message>
        <source>pair &apos;%1&apos; is not running</source>
        <translation>Paar &apos;%1&apos; läuft nicht</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>Unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not primary, secondary or auto</source>
        <translation>&apos;%1&apos; ist weder primary, secondary noch auto</translation>
    </message>
</context>
<context>
    <name>tandem::EngineProcess</name>
    <message>
        <source>cannot find the engine program tandemd: it is neither beside the console in %1 nor on PATH</source>
        <translation>Das Engine-Programm tandemd wurde nicht gefunden: Es liegt weder neben der Konsole in %1 noch im PATH</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>the engine (tandemd, pid %1) did not answer on %2 within %3 s; it was stopped</source>
        <translation>Die Engine (tandemd, PID %1) hat auf %2 nicht innerhalb von %3 s geantwortet; sie wurde beendet</translation>
    </message>
    <message>
        <source>the engine (tandemd) ended at its start: %1</source>
        <translation>Die Engine (tandemd) hat sich beim Start beendet: %1</translation>
    </message>
    <message>
        <source>ended by a signal</source>
        <translation>durch ein Signal beendet</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
</context>
<context>
    <name>tandem::EngineSession</name>
    <message>
        <source>tandemd (pid %1)</source>
        <translation>tandemd (PID %1)</translation>
    </message>
    <message>
        <source>engine in this console</source>
        <translation>Engine in dieser Konsole</translation>
    </message>
    <message>
        <source>tandemd (pid %1) runs on these files: stop it first (for the service: systemctl stop tandemd), then restore.</source>
        <translation>tandemd (PID %1) arbeitet mit diesen Dateien: Beenden Sie ihn zuerst (für den Dienst: systemctl stop tandemd) und stellen Sie dann wieder her.</translation>
    </message>
    <message>
        <source>tandemd service (pid %1)</source>
        <translation>tandemd-Dienst (PID %1)</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>No engine (tandemd) started serving %1 in time; the console runs the engine itself meanwhile.</source>
        <translation>Keine Engine (tandemd) hat rechtzeitig begonnen, %1 zu bedienen; die Konsole führt die Engine so lange selbst aus.</translation>
    </message>
    <message>
        <source>Another engine still serves %1; the console shows it.</source>
        <translation>Eine andere Engine bedient weiterhin %1; die Konsole zeigt sie an.</translation>
    </message>
    <message>
        <source>The connection to the engine (tandemd) was lost. The console connects again as soon as it is back.</source>
        <translation>Die Verbindung zur Engine (tandemd) ist unterbrochen. Die Konsole verbindet sich wieder, sobald sie zurück ist.</translation>
    </message>
    <message numerus="yes">
        <source>The console&apos;s engine (tandemd, pid %1) stopped unexpectedly: %2. The console starts it again in %n second(s).</source>
        <translation>
            <numerusform>Die Engine der Konsole (tandemd, PID %1) wurde unerwartet beendet: %2. Die Konsole startet sie in %n Sekunde erneut.</numerusform>
            <numerusform>Die Engine der Konsole (tandemd, PID %1) wurde unerwartet beendet: %2. Die Konsole startet sie in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::EventModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>tandem::EventStore</name>
    <message>
        <source>it is damaged or not a Tandem event history; it was moved to %1 and a new one started</source>
        <translation>Die Datei ist beschädigt oder kein Tandem-Ereignisverlauf; sie wurde nach %1 verschoben und ein neuer angelegt</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>writing %1 failed: %2</source>
        <translation>Schreiben von %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>tandem::GeneralPage</name>
    <message>
        <source>Press F1 for help on this topic</source>
        <translation>F1 drücken für Hilfe zu diesem Thema</translation>
    </message>
    <message>
        <source>Machine Settings</source>
        <translation>Rechnereinstellungen</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>The address clients connect to instead of the server, e.g. 127.0.0.1:1502 or opc.tcp://localhost:4841/line1</source>
        <translation>Die Adresse, mit der sich Clients statt mit dem Server verbinden, z. B. 127.0.0.1:1502 oder opc.tcp://localhost:4841/line1</translation>
    </message>
    <message>
        <source>Client &amp;endpoint:</source>
        <translation>Client-&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Browse primary servers</source>
        <translation>Server auf dem Primärrechner suchen</translation>
    </message>
    <message>
        <source>Find the OPC UA servers on the primary machine</source>
        <translation>Die OPC-UA-Server auf dem Primärrechner finden</translation>
    </message>
    <message>
        <source>&amp;Primary (Hostname or IP Address):</source>
        <translation>&amp;Primärrechner (Hostname oder IP-Adresse):</translation>
    </message>
    <message>
        <source>Browse secondary servers</source>
        <translation>Server auf dem Sekundärrechner suchen</translation>
    </message>
    <message>
        <source>Find the OPC UA servers on the secondary machine</source>
        <translation>Die OPC-UA-Server auf dem Sekundärrechner finden</translation>
    </message>
    <message>
        <source>&amp;Secondary (Hostname or IP Address):</source>
        <translation>&amp;Sekundärrechner (Hostname oder IP-Adresse):</translation>
    </message>
    <message>
        <source>Redundancy Options</source>
        <translation>Redundanzoptionen</translation>
    </message>
    <message>
        <source>Connection &amp;mode:</source>
        <translation>Verbindungs&amp;modus:</translation>
    </message>
    <message>
        <source>&amp;Always reconnect to primary machine upon availability</source>
        <translation>&amp;Immer zum Primärrechner zurückschalten, sobald er verfügbar ist</translation>
    </message>
    <message>
        <source>Query server status &amp;interval (ms):</source>
        <translation>Statusabfrage-I&amp;ntervall (ms):</translation>
    </message>
    <message>
        <source>Query server status &amp;timeout (ms):</source>
        <translation>Statusabfrage-&amp;Timeout (ms):</translation>
    </message>
    <message>
        <source>&amp;Fail-back hold-off (ms):</source>
        <translation>&amp;Rückschalt-Sperrzeit (ms):</translation>
    </message>
    <message>
        <source>The item read as the status query (Modbus reference, e.g. 400001 or 2:300010). Any answer proves the server alive, except exceptions 0x0A/0x0B of a gateway whose device is unreachable.</source>
        <translation>Das Element, das als Statusabfrage gelesen wird (Modbus-Referenz, z. B. 400001 oder 2:300010). Jede Antwort beweist, dass der Server lebt, außer den Exceptions 0x0A/0x0B eines Gateways, dessen Gerät nicht erreichbar ist.</translation>
    </message>
    <message>
        <source>Status &amp;query item:</source>
        <translation>Element der Status&amp;abfrage:</translation>
    </message>
    <message>
        <source>&amp;Replay writes in flight on the new server at fail-over</source>
        <translation>Laufende Schreib&amp;vorgänge bei Umschaltung auf dem neuen Server wiederholen</translation>
    </message>
    <message>
        <source>Off: a write in flight when the server fails is answered with exception 0x0B, because it may already have been carried out. Turn on only for writes that are safe to repeat.</source>
        <translation>Aus: Ein Schreibvorgang, der beim Ausfall des Servers läuft, wird mit Exception 0x0B beantwortet, weil er möglicherweise schon ausgeführt wurde. Nur für Schreibvorgänge einschalten, die gefahrlos wiederholt werden können.</translation>
    </message>
    <message>
        <source>Live State</source>
        <translation>Aktueller Zustand</translation>
    </message>
    <message>
        <source>Active machine:</source>
        <translation>Aktiver Rechner:</translation>
    </message>
    <message>
        <source>Primary:</source>
        <translation>Primär:</translation>
    </message>
    <message>
        <source>Secondary:</source>
        <translation>Sekundär:</translation>
    </message>
    <message>
        <source>Last fail-over:</source>
        <translation>Letzte Umschaltung:</translation>
    </message>
    <message>
        <source>Make &amp;primary active</source>
        <translation>Primärrechner a&amp;ktiv schalten</translation>
    </message>
    <message>
        <source>Make s&amp;econdary active</source>
        <translation>Sekundärrechner aktiv scha&amp;lten</translation>
    </message>
    <message>
        <source>not running (save the configuration to apply it)</source>
        <translation>Läuft nicht (speichern Sie die Konfiguration, um sie anzuwenden)</translation>
    </message>
    <message>
        <source>not running (redundancy is disabled)</source>
        <translation>Läuft nicht (Redundanz ist deaktiviert)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n fail-over(s) since start)</source>
        <translation>
            <numerusform>%1 (%n Umschaltung seit dem Start)</numerusform>
            <numerusform>%1 (%n Umschaltungen seit dem Start)</numerusform>
        </translation>
    </message>
    <message>
        <source>none since start</source>
        <translation>Keine seit dem Start</translation>
    </message>
    <message>
        <source>OPC UA</source>
        <translation>OPC UA</translation>
    </message>
    <message>
        <source>Modbus TCP</source>
        <translation>Modbus TCP</translation>
    </message>
    <message>
        <source>Cold mode does not support always reconnecting to the primary machine</source>
        <translation>Der Modus Cold unterstützt das ständige Zurückschalten zum Primärrechner nicht</translation>
    </message>
    <message>
        <source>How many status queries in a row must fail before a machine counts as lost. Each failed query is repeated at once, so 3 costs three status timeouts. A closed or refused connection is lost at once whatever this says.</source>
        <translation>Wie viele Statusabfragen nacheinander fehlschlagen müssen, bevor ein Rechner als verloren gilt. Jede fehlgeschlagene Abfrage wird sofort wiederholt, 3 kostet also drei Statusabfrage-Timeouts. Eine geschlossene oder abgewiesene Verbindung gilt unabhängig von diesem Wert sofort als verloren.</translation>
    </message>
    <message>
        <source>Failed status queries &amp;before a machine is lost:</source>
        <translation>&amp;Fehlgeschlagene Statusabfragen, bis ein Rechner als verloren gilt:</translation>
    </message>
    <message>
        <source>Return to a&amp;utomatic</source>
        <translation>Zurück zur A&amp;utomatik</translation>
    </message>
    <message>
        <source>End the operator&apos;s hold: the fail-over rules choose the machine again</source>
        <translation>Die Festlegung durch den Bediener beenden: Die Umschaltregeln wählen den Rechner wieder</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>How long a recovered primary must stay healthy (and pass its monitor items) before traffic returns to it; also the shortest time between two switches while the active machine still communicates, so a flapping primary cannot cause a switch storm</source>
        <translation>Wie lange ein wiederhergestellter Primärrechner fehlerfrei bleiben (und seine Überwachungselemente bestehen) muss, bevor der Verkehr zu ihm zurückkehrt; zugleich die kürzeste Zeit zwischen zwei Umschaltungen, solange der aktive Rechner noch kommuniziert, damit ein instabiler Primärrechner kein ständiges Hin- und Herschalten auslöst</translation>
    </message>
    <message>
        <source>Has no effect: there is no fail-back without &quot;Always reconnect to primary machine upon availability&quot;</source>
        <translation>Ohne Wirkung: Ohne „Immer zum Primärrechner zurückschalten, sobald er verfügbar ist“ gibt es keine Rückschaltung</translation>
    </message>
    <message>
        <source>Shared by all clients (recommended)</source>
        <translation>Gemeinsam für alle Clients (empfohlen)</translation>
    </message>
    <message>
        <source>One per client</source>
        <translation>Eine pro Client</translation>
    </message>
    <message>
        <source>Server connections:</source>
        <translation>Serververbindungen:</translation>
    </message>
    <message>
        <source>Shared: all clients&apos; requests go over one connection to each server (the status queries have one of their own). One per client: each client gets its own, as RedundancyMaster did; for servers that tie state to a connection. Changing it restarts the pair.</source>
        <translation>Gemeinsam: Die Anfragen aller Clients gehen über eine Verbindung zu jedem Server (die Statusabfragen haben eine eigene). Eine pro Client: Jeder Client erhält eine eigene, wie bei RedundancyMaster; für Server, die Zustand an eine Verbindung binden. Eine Änderung startet das Paar neu.</translation>
    </message>
    <message>
        <source>Modbus TCP only: OPC UA clients keep their own sessions with the proxy</source>
        <translation>Nur Modbus TCP: OPC-UA-Clients behalten ihre eigenen Sitzungen mit dem Proxy</translation>
    </message>
    <message>
        <source>Client Limits</source>
        <translation>Client-Grenzen</translation>
    </message>
    <message>
        <source>Clients connected at once. At the limit a new client takes the place of the one idle longest, or is refused when none is idle.</source>
        <translation>Gleichzeitig verbundene Clients. An der Grenze nimmt ein neuer Client den Platz des am längsten untätigen ein oder wird abgewiesen, wenn keiner untätig ist.</translation>
    </message>
    <message>
        <source>Clients at most:</source>
        <translation>Höchstens Clients:</translation>
    </message>
    <message>
        <source>Requests in flight per client:</source>
        <translation>Offene Anfragen je Client:</translation>
    </message>
    <message>
        <source>Unread answers per client (bytes):</source>
        <translation>Ungelesene Antworten je Client (Byte):</translation>
    </message>
    <message>
        <source>A client&apos;s requests forwarded before their answers come back; beyond it Tandem reads no more from that client for the moment</source>
        <translation>Anfragen eines Clients, die weitergeleitet werden, bevor ihre Antworten zurück sind; darüber liest Tandem vorerst nichts mehr von diesem Client</translation>
    </message>
    <message>
        <source>Modbus TCP only</source>
        <translation>Nur Modbus TCP</translation>
    </message>
    <message>
        <source>Answers waiting for a client that does not read them; past it Tandem stops reading that client&apos;s requests, and closes it if they are still unread 10 seconds later</source>
        <translation>Antworten, die auf einen Client warten, der sie nicht liest; darüber liest Tandem keine Anfragen dieses Clients mehr und schließt ihn, wenn sie 10 Sekunden später noch ungelesen sind</translation>
    </message>
</context>
<context>
    <name>tandem::HelpViewer</name>
    <message>
        <source>Tandem Help</source>
        <translation>Tandem-Hilfe</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vorwärts</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Startseite</translation>
    </message>
    <message>
        <source>The page this help was opened on</source>
        <translation>Die Seite, auf der diese Hilfe geöffnet wurde</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Inhalt</translation>
    </message>
    <message>
        <source>%1 - Tandem Help</source>
        <translation>%1 - Tandem-Hilfe</translation>
    </message>
</context>
<context>
    <name>tandem::InstallServiceDialog</name>
    <message>
        <source>Install As Service</source>
        <translation>Als Dienst installieren</translation>
    </message>
    <message>
        <source>Run the engine as a systemd service, so that the redundant servers keep running when the console is closed and when nobody is logged in.</source>
        <translation>Die Engine als systemd-Dienst ausführen, damit die redundanten Server weiterlaufen, wenn die Konsole geschlossen ist und wenn niemand angemeldet ist.</translation>
    </message>
    <message>
        <source>&amp;System service (all users, starts at boot)</source>
        <translation>&amp;Systemdienst (alle Benutzer, startet beim Hochfahren)</translation>
    </message>
    <message>
        <source>Needs administrator rights: you will be asked for a password. The service runs %1, copied from your configuration when it does not exist yet.</source>
        <translation>Erfordert Administratorrechte: Sie werden nach einem Passwort gefragt. Der Dienst verwendet %1; die Datei wird aus Ihrer Konfiguration kopiert, falls sie noch nicht existiert.</translation>
    </message>
    <message>
        <source>&amp;User service (starts when you log in)</source>
        <translation>&amp;Benutzerdienst (startet, wenn Sie sich anmelden)</translation>
    </message>
    <message>
        <source>The service runs your own configuration, %1.</source>
        <translation>Der Dienst verwendet Ihre eigene Konfiguration, %1.</translation>
    </message>
    <message>
        <source>systemd is not running on this machine (a container, or another init system), so the service cannot be installed and started here. You can write the unit file now and install it where systemd runs.</source>
        <translation>systemd läuft auf diesem Rechner nicht (ein Container oder ein anderes Init-System), daher kann der Dienst hier nicht installiert und gestartet werden. Sie können die Unit-Datei jetzt schreiben und dort installieren, wo systemd läuft.</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>Save the unit file as:</source>
        <translation>Unit-Datei speichern unter:</translation>
    </message>
    <message>
        <source>&amp;Write Unit File Only</source>
        <translation>Nur &amp;Unit-Datei schreiben</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Installieren</translation>
    </message>
    <message>
        <source>Save Unit File</source>
        <translation>Unit-Datei speichern</translation>
    </message>
    <message>
        <source>systemd units (*.service);;All files (*)</source>
        <translation>systemd-Units (*.service);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>tandem::ItemBrowserDialog</name>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Browse Items on %1</source>
        <translation>Elemente auf %1 durchsuchen</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Node id</source>
        <translation>Node-ID</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>&amp;Items:</source>
        <translation>&amp;Elemente:</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation>Die Verbindung zu %1 ist verloren gegangen: %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>the server answered with %1 results for one node</source>
        <translation>Der Server hat mit %1 Ergebnissen für einen Knoten geantwortet</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>Der Server hat mit %1 geantwortet</translation>
    </message>
    <message>
        <source>Browsing %1 on %2 failed: %3</source>
        <translation>Durchsuchen von %1 auf %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Reading the data type of %1…</source>
        <translation>Datentyp von %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Reading the data type of %1 from %2 failed: %3</source>
        <translation>Lesen des Datentyps von %1 auf %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Connected to %1. Expand the folders and choose a variable.</source>
        <translation>Verbunden mit %1. Klappen Sie die Ordner auf und wählen Sie eine Variable.</translation>
    </message>
</context>
<context>
    <name>tandem::Keypad</name>
    <message>
        <source>Backspace</source>
        <translation>Rücktaste</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Keypad</source>
        <translation>&amp;Tastenfeld</translation>
    </message>
    <message>
        <source>If a keyboard is unavailable, use the on-screen keypad</source>
        <translation>Wenn keine Tastatur verfügbar ist, verwenden Sie das Bildschirm-Tastenfeld</translation>
    </message>
</context>
<context>
    <name>tandem::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>&amp;Systemstandard</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language is used from the next start of the console.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start der Konsole.</translation>
    </message>
    <message>
        <source>Restart the console now? Unsaved changes are asked about first.</source>
        <translation>Die Konsole jetzt neu starten? Zu nicht gespeicherten Änderungen werden Sie zuerst gefragt.</translation>
    </message>
    <message>
        <source>&amp;Restart Now</source>
        <translation>&amp;Jetzt neu starten</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
</context>
<context>
    <name>tandem::Mailer</name>
    <message>
        <source>no SMTP password: %1</source>
        <translation>Kein SMTP-Passwort: %1</translation>
    </message>
    <message>
        <source>(no secondary)</source>
        <translation>(kein sekundärer)</translation>
    </message>
    <message>
        <source>This is a test notification from Tandem on %1.</source>
        <translation>Dies ist eine Testbenachrichtigung von Tandem auf %1.</translation>
    </message>
</context>
<context>
    <name>tandem::MainWindow</name>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation>Konfiguration: %1</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>Engine: %1</translation>
    </message>
    <message>
        <source>Tandem engine</source>
        <translation>Tandem-Engine</translation>
    </message>
    <message>
        <source>The engine could not apply everything:</source>
        <translation>Die Engine konnte nicht alles anwenden:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the configuration and apply it</source>
        <translation>Konfiguration speichern und anwenden</translation>
    </message>
    <message>
        <source>&amp;Add Redundant Server Configuration...</source>
        <translation>Redundante Serverkonfiguration &amp;hinzufügen...</translation>
    </message>
    <message>
        <source>&amp;Remove Redundant Server Configuration</source>
        <translation>Redundante Serverkonfiguration &amp;entfernen</translation>
    </message>
    <message>
        <source>A&amp;lias Redundant Server Configuration...</source>
        <translation>&amp;Alias für redundante Serverkonfiguration anlegen...</translation>
    </message>
    <message>
        <source>&amp;Unalias Redundant Server Configuration</source>
        <translation>Alias der redundanten Serverkonfiguration a&amp;uflösen</translation>
    </message>
    <message>
        <source>&amp;Enable Redundancy</source>
        <translation>Redundanz a&amp;ktivieren</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation>&amp;Statusleiste</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Check Configuration</source>
        <translation>Konfiguration &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Inhalt</translation>
    </message>
    <message>
        <source>&amp;Purchase a License...</source>
        <translation>Lizenz &amp;kaufen...</translation>
    </message>
    <message>
        <source>&amp;Unlock a License...</source>
        <translation>Lizenz &amp;freischalten...</translation>
    </message>
    <message>
        <source>&amp;Transfer a License...</source>
        <translation>Lizenz üb&amp;ertragen...</translation>
    </message>
    <message>
        <source>Technical &amp;Support</source>
        <translation>Technischer &amp;Support</translation>
    </message>
    <message>
        <source>&amp;About Tandem</source>
        <translation>&amp;Über Tandem</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>[configuration is modified]</source>
        <translation>[Konfiguration geändert]</translation>
    </message>
    <message>
        <source>(Demo Expired)</source>
        <translation>(Demo abgelaufen)</translation>
    </message>
    <message>
        <source>(Demo Expires %1:%2:%3)</source>
        <translation>(Demo läuft ab in %1:%2:%3)</translation>
    </message>
    <message>
        <source>(1 Day Left to Unlock)</source>
        <translation>(1 Tag bis zur Freischaltung)</translation>
    </message>
    <message numerus="yes">
        <source>(%n Days Left to Unlock)</source>
        <translation>
            <numerusform>(%n Tag bis zur Freischaltung)</numerusform>
            <numerusform>(%n Tage bis zur Freischaltung)</numerusform>
        </translation>
    </message>
    <message>
        <source>Technical Support</source>
        <translation>Technischer Support</translation>
    </message>
    <message>
        <source>For a serial number, an unlock password or help with Tandem, contact technical support:&lt;br&gt;&lt;br&gt;E-mail: &lt;a href=&quot;mailto:support@tandem.example&quot;&gt;support@tandem.example&lt;/a&gt;</source>
        <translation>Für eine Seriennummer, ein Freischaltpasswort oder Hilfe zu Tandem wenden Sie sich an den technischen Support:&lt;br&gt;&lt;br&gt;E-Mail: &lt;a href=&quot;mailto:support@tandem.example&quot;&gt;support@tandem.example&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Please include this computer&apos;s Computer ID: %1</source>
        <translation>Bitte geben Sie die Computer-ID dieses Computers an: %1</translation>
    </message>
    <message>
        <source>Application S/N: %1</source>
        <translation>Anwendungs-S/N: %1</translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation>Über Tandem</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;Transparent primary/secondary redundancy for Modbus TCP and OPC UA servers.&lt;/p&gt;&lt;p&gt;License: %2&lt;br&gt;Computer ID: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;Transparente Primär-/Sekundär-Redundanz für Modbus-TCP- und OPC-UA-Server.&lt;/p&gt;&lt;p&gt;Lizenz: %2&lt;br&gt;Computer-ID: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Disable Redundancy</source>
        <translation>Redundanz &amp;deaktivieren</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Configuration not saved</source>
        <translation>Konfiguration nicht gespeichert</translation>
    </message>
    <message>
        <source>The configuration was not saved:</source>
        <translation>Die Konfiguration wurde nicht gespeichert:</translation>
    </message>
    <message>
        <source>Unalias</source>
        <translation>Alias auflösen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be unaliased:</source>
        <translation>Der Alias &apos;%1&apos; kann nicht aufgelöst werden:</translation>
    </message>
    <message>
        <source>Enable/Disable Redundancy</source>
        <translation>Redundanz aktivieren/deaktivieren</translation>
    </message>
    <message>
        <source>The change could not be recorded:</source>
        <translation>Die Änderung konnte nicht gespeichert werden:</translation>
    </message>
    <message>
        <source>Check Configuration</source>
        <translation>Konfiguration prüfen</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>Die Konfiguration ist gültig.</translation>
    </message>
    <message>
        <source>The configuration has problems:</source>
        <translation>Die Konfiguration hat Fehler:</translation>
    </message>
    <message>
        <source>The configuration has been modified. Save the changes before closing?</source>
        <translation>Die Konfiguration wurde geändert. Änderungen vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>&amp;Backup/Restore...</source>
        <translation>Sichern/&amp;Wiederherstellen...</translation>
    </message>
    <message>
        <source>&amp;Help on This Tab</source>
        <translation>Hilfe zu dieser &amp;Registerkarte</translation>
    </message>
    <message>
        <source>C&amp;ertificates...</source>
        <translation>Zer&amp;tifikate...</translation>
    </message>
    <message>
        <source>&amp;OPC UA Users...</source>
        <translation>&amp;OPC-UA-Benutzer…</translation>
    </message>
</context>
<context>
    <name>tandem::MediaChooser</name>
    <message>
        <source>No removable media found: insert one and click Refresh, or choose a folder with Browse...</source>
        <translation>Kein Wechseldatenträger gefunden: Legen Sie einen ein und klicken Sie auf Aktualisieren, oder wählen Sie mit Durchsuchen... einen Ordner.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>Use any folder as the license media</source>
        <translation>Einen beliebigen Ordner als Lizenzdatenträger verwenden</translation>
    </message>
    <message>
        <source>This volume is mounted read-only</source>
        <translation>Dieses Laufwerk ist schreibgeschützt eingehängt</translation>
    </message>
    <message>
        <source>Choose the license media</source>
        <translation>Lizenzdatenträger wählen</translation>
    </message>
</context>
<context>
    <name>tandem::MediaStepPage</name>
    <message>
        <source>Select the &amp;media:</source>
        <translation>Daten&amp;träger auswählen:</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Choose the media first: insert it and click Refresh, or click Browse... to use a folder.</source>
        <translation>Wählen Sie zuerst den Datenträger: Legen Sie ihn ein und klicken Sie auf Aktualisieren, oder klicken Sie auf Durchsuchen..., um einen Ordner zu verwenden.</translation>
    </message>
</context>
<context>
    <name>tandem::MonitorItemDialog</name>
    <message>
        <source>Monitor Item</source>
        <translation>Überwachungselement</translation>
    </message>
    <message>
        <source>not used for Modbus TCP</source>
        <translation>Bei Modbus TCP nicht verwendet</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>400001 or 2:300010</source>
        <translation>400001 oder 2:300010</translation>
    </message>
    <message>
        <source>[UNIT:]Txxxxx: T = 0 coil, 1 discrete input, 3 input register, 4 holding register; xxxxx the 1-based reference</source>
        <translation>[UNIT:]Txxxxx: T = 0 Coil, 1 Discrete Input, 3 Input Register, 4 Holding Register; xxxxx die 1-basierte Referenz</translation>
    </message>
    <message>
        <source>ns=2;s=Channel1.Device1.Tag1</source>
        <translation>ns=2;s=Channel1.Device1.Tag1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Browse items</source>
        <translation>Elemente durchsuchen</translation>
    </message>
    <message>
        <source>Browse the items of the primary machine %1</source>
        <translation>Die Elemente des Primärrechners %1 durchsuchen</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>&amp;Access path:</source>
        <translation>&amp;Zugriffspfad:</translation>
    </message>
    <message>
        <source>&amp;Item ID:</source>
        <translation>&amp;Element-ID:</translation>
    </message>
    <message>
        <source>&amp;Data type:</source>
        <translation>&amp;Datentyp:</translation>
    </message>
    <message>
        <source>&amp;Update rate:</source>
        <translation>A&amp;ktualisierungsrate:</translation>
    </message>
    <message>
        <source>Error Condition</source>
        <translation>Fehlerbedingung</translation>
    </message>
    <message>
        <source>&amp;Trigger:</source>
        <translation>&amp;Auslöser:</translation>
    </message>
    <message>
        <source>The trigger data was auto-adjusted to %1 ms: the period without data changes must be at least twice the update rate (%2 ms).</source>
        <translation>Die Auslöserdaten wurden automatisch auf %1 ms angepasst: Der Zeitraum ohne Datenänderung muss mindestens die doppelte Aktualisierungsrate (%2 ms) betragen.</translation>
    </message>
    <message>
        <source>Item ID</source>
        <translation>Element-ID</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Update rate</source>
        <translation>Aktualisierungsrate</translation>
    </message>
    <message>
        <source>Trigger data</source>
        <translation>Auslöserdaten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot browse the items: the primary machine &apos;%1&apos; is not valid: %2</source>
        <translation>Die Elemente können nicht durchsucht werden: Der Primärrechner &apos;%1&apos; ist ungültig: %2</translation>
    </message>
    <message>
        <source>Cannot browse the items as %1: no password is stored for this user name; enter it on the General tab.</source>
        <translation>Die Elemente können nicht als %1 durchsucht werden: Für diesen Benutzernamen ist kein Passwort gespeichert; geben Sie es auf der Registerkarte Allgemein ein.</translation>
    </message>
    <message>
        <source>Cannot browse the items as %1: the password cannot be read: %2</source>
        <translation>Die Elemente können nicht als %1 durchsucht werden: Das Passwort kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>not used for this trigger</source>
        <translation>Bei diesem Auslöser nicht verwendet</translation>
    </message>
    <message>
        <source>the value that means the item is in error</source>
        <translation>Der Wert, der bedeutet, dass das Element fehlerhaft ist</translation>
    </message>
    <message>
        <source>The item is in error while its value equals this value (arrays are not supported).</source>
        <translation>Das Element ist fehlerhaft, solange sein Wert diesem Wert entspricht (Arrays werden nicht unterstützt).</translation>
    </message>
    <message>
        <source>milliseconds, at least %1</source>
        <translation>Millisekunden, mindestens %1</translation>
    </message>
    <message>
        <source>The item is in error when no data change arrives for this many milliseconds; it must be at least twice the update rate (%1 ms).</source>
        <translation>Das Element ist fehlerhaft, wenn so viele Millisekunden lang keine Datenänderung eintrifft; es muss mindestens die doppelte Aktualisierungsrate (%1 ms) sein.</translation>
    </message>
    <message>
        <source>Tri&amp;gger data:</source>
        <translation>Ausl&amp;öserdaten:</translation>
    </message>
</context>
<context>
    <name>tandem::MonitoringPage</name>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Hinzufügen...</translation>
    </message>
    <message>
        <source>&amp;Modify...</source>
        <translation>&amp;Ändern...</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Press F1 for help on this topic</source>
        <translation>F1 drücken für Hilfe zu diesem Thema</translation>
    </message>
    <message>
        <source>Item ID</source>
        <translation>Element-ID</translation>
    </message>
    <message>
        <source>Data Type</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Trigger Data</source>
        <translation>Auslöserdaten</translation>
    </message>
    <message>
        <source>Update Rate (ms)</source>
        <translation>Aktualisierungsrate (ms)</translation>
    </message>
    <message>
        <source>Access Path</source>
        <translation>Zugriffspfad</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>A fail-over occurs when this many monitor items are in error (from 1 to the number of monitor items).</source>
        <translation>Eine Umschaltung erfolgt, wenn so viele Überwachungselemente fehlerhaft sind (von 1 bis zur Anzahl der Überwachungselemente).</translation>
    </message>
    <message>
        <source>Monitor item &amp;failure count:</source>
        <translation>&amp;Fehleranzahl der Überwachungselemente:</translation>
    </message>
    <message>
        <source>Monitor Item List</source>
        <translation>Liste der Überwachungselemente</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <source>The change could not be applied:
%1</source>
        <translation>Die Änderung konnte nicht angewendet werden:
%1</translation>
    </message>
</context>
<context>
    <name>tandem::NotificationsPage</name>
    <message>
        <source>E-Mail Setup</source>
        <translation>E-Mail-Einrichtung</translation>
    </message>
    <message>
        <source>&amp;Enable e-mail notifications</source>
        <translation>E-Mail-Benachrichtigungen akt&amp;ivieren</translation>
    </message>
    <message>
        <source>The SMTP server tried first: smtp://host[:port] (STARTTLS) or smtps://host[:port].</source>
        <translation>Der zuerst versuchte SMTP-Server: smtp://host[:port] (STARTTLS) oder smtps://host[:port].</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Used when the primary SMTP server cannot be reached.</source>
        <translation>Wird verwendet, wenn der primäre SMTP-Server nicht erreichbar ist.</translation>
    </message>
    <message>
        <source>One address per line</source>
        <translation>Eine Adresse pro Zeile</translation>
    </message>
    <message>
        <source>Hint: Use Ctrl+Enter to insert a newline in the To, Header and Footer fields. Enter one address per line in To.</source>
        <translation>Tipp: Mit Strg+Eingabe fügen Sie in den Feldern An, Kopfzeile und Fußzeile einen Zeilenumbruch ein. Geben Sie unter An eine Adresse pro Zeile ein.</translation>
    </message>
    <message>
        <source>Allow unencrypted SMTP (plain smtp:// without STARTTLS)</source>
        <translation>Unverschlüsseltes SMTP erlauben (einfaches smtp:// ohne STARTTLS)</translation>
    </message>
    <message>
        <source>Sends the password and messages readable by anyone on the network. Only for a trusted local relay.</source>
        <translation>Sendet das Passwort und die Nachrichten für jeden im Netzwerk lesbar. Nur für ein vertrauenswürdiges lokales Relay.</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Send a test e-mail to every recipient with the settings shown</source>
        <translation>Eine Test-E-Mail mit den angezeigten Einstellungen an alle Empfänger senden</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connect, secure and log in to the primary SMTP server; no mail is sent</source>
        <translation>Mit dem primären SMTP-Server verbinden, absichern und anmelden; es wird keine Mail gesendet</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primär</translation>
    </message>
    <message>
        <source>secondary</source>
        <translation>sekundär</translation>
    </message>
    <message>
        <source>&amp;Primary SMTP:</source>
        <translation>&amp;Primärer SMTP-Server:</translation>
    </message>
    <message>
        <source>&amp;Secondary SMTP:</source>
        <translation>&amp;Sekundärer SMTP-Server:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>&amp;Kopfzeile:</translation>
    </message>
    <message>
        <source>Foote&amp;r:</source>
        <translation>Fu&amp;ßzeile:</translation>
    </message>
    <message>
        <source>Security and Delivery</source>
        <translation>Sicherheit und Zustellung</translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation>Die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>A PEM file with the certificate authority of a private mail server; certificates are always verified.</source>
        <translation>Eine PEM-Datei mit der Zertifizierungsstelle eines privaten Mailservers; Zertifikate werden immer geprüft.</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Certificate Authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>none: no login</source>
        <translation>Keiner: keine Anmeldung</translation>
    </message>
    <message>
        <source>new password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Store in &amp;Keychain</source>
        <translation>Im Schlüssel&amp;bund speichern</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain, never in the configuration file.</source>
        <translation>Das Passwort wird im Systemschlüsselbund aufbewahrt, nie in der Konfigurationsdatei.</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>How long an undelivered e-mail is retried before it is dropped with an error event.</source>
        <translation>Wie lange eine nicht zugestellte E-Mail erneut versucht wird, bevor sie mit einem Fehlerereignis verworfen wird.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>At most one e-mail per window; events in between are listed together in the next one. 0 mails every event at once.</source>
        <translation>Höchstens eine E-Mail pro Zeitfenster; Ereignisse dazwischen werden gesammelt in der nächsten aufgeführt. 0 sendet jedes Ereignis sofort.</translation>
    </message>
    <message>
        <source>A server that does not finish the dialogue in this time counts as failed, and the other one is tried.</source>
        <translation>Ein Server, der den Dialog nicht in dieser Zeit abschließt, gilt als ausgefallen, und der andere wird versucht.</translation>
    </message>
    <message>
        <source>Retry for:</source>
        <translation>Wiederholen für:</translation>
    </message>
    <message>
        <source>One e-mail per:</source>
        <translation>Eine E-Mail pro:</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Timeout:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Select the &amp;diagnostics events that you would like to receive as an e-mail notification:</source>
        <translation>Wählen Sie die Diagnose&amp;ereignisse, die Sie als E-Mail-Benachrichtigung erhalten möchten:</translation>
    </message>
    <message>
        <source>Send &amp;all events</source>
        <translation>&amp;Alle Ereignisse senden</translation>
    </message>
    <message>
        <source>No login: the servers are used without a user name.</source>
        <translation>Keine Anmeldung: Die Server werden ohne Benutzernamen verwendet.</translation>
    </message>
    <message>
        <source>Looking up the password of &apos;%1&apos; in the keychain...</source>
        <translation>Passwort von &apos;%1&apos; wird im Schlüsselbund gesucht...</translation>
    </message>
    <message>
        <source>A password for &apos;%1&apos; is in the keychain.</source>
        <translation>Für &apos;%1&apos; ist ein Passwort im Schlüsselbund.</translation>
    </message>
    <message>
        <source>No password for &apos;%1&apos; is in the keychain yet.</source>
        <translation>Für &apos;%1&apos; ist noch kein Passwort im Schlüsselbund.</translation>
    </message>
    <message>
        <source>Passwords cannot be kept: %1</source>
        <translation>Passwörter können nicht aufbewahrt werden: %1</translation>
    </message>
    <message>
        <source>Enter the user name first: the password belongs to it.</source>
        <translation>Geben Sie zuerst den Benutzernamen ein: Das Passwort gehört zu ihm.</translation>
    </message>
    <message>
        <source>The password was NOT stored: %1</source>
        <translation>Das Passwort wurde NICHT gespeichert: %1</translation>
    </message>
    <message>
        <source>The password for &apos;%1&apos; is stored in the keychain; a running engine uses it from its next reload.</source>
        <translation>Das Passwort für &apos;%1&apos; ist im Schlüsselbund gespeichert; eine laufende Engine verwendet es ab ihrem nächsten Neuladen.</translation>
    </message>
    <message>
        <source>A test e-mail needs the primary SMTP server, the sender and at least one recipient.</source>
        <translation>Eine Test-E-Mail braucht den primären SMTP-Server, den Absender und mindestens einen Empfänger.</translation>
    </message>
    <message>
        <source>%1: test e-mail accepted</source>
        <translation>%1: Test-E-Mail angenommen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: refused %2</source>
        <translation>%1: abgelehnt %2</translation>
    </message>
    <message>
        <source>Enter the server first.</source>
        <translation>Geben Sie zuerst den Server ein.</translation>
    </message>
    <message>
        <source>%1: connection, security and login work</source>
        <translation>%1: Verbindung, Absicherung und Anmeldung funktionieren</translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation>Test läuft...</translation>
    </message>
    <message>
        <source>The SMTP password cannot be read: %1</source>
        <translation>Das SMTP-Passwort kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>A&amp;n:</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>Betre&amp;ff:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA-&amp;Datei:</translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaIdentityBox</name>
    <message>
        <source>OPC UA Identities</source>
        <translation>OPC-UA-Identitäten</translation>
    </message>
    <message>
        <source>A&amp;nonymous clients</source>
        <translation>A&amp;nonyme Clients</translation>
    </message>
    <message>
        <source>Clients may open sessions without a user name.</source>
        <translation>Clients dürfen Sitzungen ohne Benutzernamen öffnen.</translation>
    </message>
    <message>
        <source>OP&amp;C UA users (Tools › OPC UA Users…)</source>
        <translation>OP&amp;C-UA-Benutzer (Extras › OPC-UA-Benutzer…)</translation>
    </message>
    <message>
        <source>The users managed under Tools › OPC UA Users… or with tandemctl opcua user, each on the pairs it may use.</source>
        <translation>Die Benutzer unter Extras › OPC-UA-Benutzer… oder aus tandemctl opcua user, jeder auf den Paaren, die er verwenden darf.</translation>
    </message>
    <message>
        <source>The pair&apos;s user name an&amp;d its keychain password</source>
        <translation>Benutzername des Paars un&amp;d sein Passwort im Schlüsselbund</translation>
    </message>
    <message>
        <source>The user name Tandem logs in with on the machines, as before OPC UA users existed.</source>
        <translation>Der Benutzername, mit dem sich Tandem an den Maschinen anmeldet, wie vor den OPC-UA-Benutzern.</translation>
    </message>
    <message>
        <source>&amp;X.509 user certificates</source>
        <translation>&amp;X.509-Benutzerzertifikate</translation>
    </message>
    <message>
        <source>A user certificate trusted under Tools › Certificates…; the client proves it holds its key.</source>
        <translation>Ein unter Extras › Zertifikate… vertrautes Benutzerzertifikat; der Client beweist, dass er dessen Schlüssel besitzt.</translation>
    </message>
    <message>
        <source>Passwords sent in c&amp;lear text</source>
        <translation>Im K&amp;lartext gesendete Passwörter</translation>
    </message>
    <message>
        <source>Without this a client must encrypt its password with Tandem&apos;s certificate, which every current OPC UA client does.</source>
        <translation>Ohne dies muss ein Client sein Passwort mit dem Zertifikat von Tandem verschlüsseln, wie es jeder aktuelle OPC-UA-Client tut.</translation>
    </message>
    <message>
        <source>The user name Tandem logs in with on the primary machine; empty: the user name above. Its password: tandemctl pair set NAME --primary-password-stdin, else the user name&apos;s.</source>
        <translation>Der Benutzername, mit dem sich Tandem an der primären Maschine anmeldet; leer: der Benutzername oben. Sein Passwort: tandemctl pair set NAME --primary-password-stdin, sonst das des Benutzernamens.</translation>
    </message>
    <message>
        <source>The user name Tandem logs in with on the secondary machine; empty: the user name above. Its password: tandemctl pair set NAME --secondary-password-stdin, else the user name&apos;s.</source>
        <translation>Der Benutzername, mit dem sich Tandem an der sekundären Maschine anmeldet; leer: der Benutzername oben. Sein Passwort: tandemctl pair set NAME --secondary-password-stdin, sonst das des Benutzernamens.</translation>
    </message>
    <message>
        <source>Send passwords to the machines in clear text if they offer nothin&amp;g else</source>
        <translation>Passwörter im Klartext an die Maschinen senden, wenn sie nichts anderes anbieten (&amp;G)</translation>
    </message>
    <message>
        <source>Without this Tandem does not log in to a machine that wants the password in clear text, and says why.</source>
        <translation>Ohne dies meldet sich Tandem an keiner Maschine an, die das Passwort im Klartext will, und sagt warum.</translation>
    </message>
    <message>
        <source>Clients of the endpoint may log on with:</source>
        <translation>Clients des Endpunkts dürfen sich anmelden mit:</translation>
    </message>
    <message>
        <source>User on the primar&amp;y machine:</source>
        <translation>Benutzer auf der primären Maschine (&amp;Y):</translation>
    </message>
    <message>
        <source>Password on the primary machine:</source>
        <translation>Passwort auf der primären Maschine:</translation>
    </message>
    <message>
        <source>User on the secondary mac&amp;hine:</source>
        <translation>Benutzer auf der sekundären Mas&amp;chine:</translation>
    </message>
    <message>
        <source>Password on the secondary machine:</source>
        <translation>Passwort auf der sekundären Maschine:</translation>
    </message>
    <message>
        <source>none: anonymous login</source>
        <translation>keiner: anonyme Anmeldung</translation>
    </message>
    <message>
        <source>This pair has the identities of a configuration from before these settings; changing one saves them all.</source>
        <translation>Dieses Paar hat die Identitäten einer Konfiguration aus der Zeit vor diesen Einstellungen; eine Änderung speichert sie alle.</translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaLoginRows</name>
    <message>
        <source>none: anonymous login</source>
        <translation>Keiner: anonyme Anmeldung</translation>
    </message>
    <message>
        <source>The user name Tandem logs in with on both machines; empty logs in anonymously. Its password is kept in the system keychain, never in tandem.xml.</source>
        <translation>Der Benutzername, mit dem sich Tandem auf beiden Rechnern anmeldet; leer meldet sich anonym an. Sein Passwort wird im Systemschlüsselbund aufbewahrt, nie in tandem.xml.</translation>
    </message>
    <message>
        <source>Press Enter to store the password of the user name in the system keychain. It never goes into tandem.xml, and a stored password is never shown here.</source>
        <translation>Drücken Sie die Eingabetaste, um das Passwort des Benutzernamens im Systemschlüsselbund zu speichern. Es gelangt nie in tandem.xml, und ein gespeichertes Passwort wird hier nie angezeigt.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>No user name: both machines are logged in to anonymously.</source>
        <translation>Kein Benutzername: An beiden Rechnern wird anonym angemeldet.</translation>
    </message>
    <message>
        <source>enter the user name first</source>
        <translation>Geben Sie zuerst den Benutzernamen ein</translation>
    </message>
    <message>
        <source>Looking up the password of %1 in the system keychain…</source>
        <translation>Passwort von %1 wird im Systemschlüsselbund gesucht…</translation>
    </message>
    <message>
        <source>A password is stored</source>
        <translation>Ein Passwort ist gespeichert</translation>
    </message>
    <message>
        <source>No password stored for %1</source>
        <translation>Kein Passwort für %1 gespeichert</translation>
    </message>
    <message>
        <source>Passwords cannot be kept: %1</source>
        <translation>Passwörter können nicht aufbewahrt werden: %1</translation>
    </message>
    <message>
        <source>Enter the user name first: the password belongs to it.</source>
        <translation>Geben Sie zuerst den Benutzernamen ein: Das Passwort gehört zu ihm.</translation>
    </message>
    <message>
        <source>Storing the password of %1 in the system keychain…</source>
        <translation>Passwort von %1 wird im Systemschlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>The password was not stored: %1</source>
        <translation>Das Passwort wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Stored in the system keychain</source>
        <translation>Im Systemschlüsselbund gespeichert</translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaSecurityGroup</name>
    <message>
        <source>OPC UA Security</source>
        <translation>OPC-UA-Sicherheit</translation>
    </message>
    <message>
        <source>The security policy and mode of the connection to this server: the server must offer it</source>
        <translation>Sicherheitsrichtlinie und Modus der Verbindung zu diesem Server: Der Server muss sie anbieten</translation>
    </message>
    <message>
        <source>any certificate the trust list accepts</source>
        <translation>jedes Zertifikat, das die Vertrauensliste akzeptiert</translation>
    </message>
    <message>
        <source>The SHA-1 thumbprint of the certificate this server must present. Learned when you trust the server&apos;s certificate; clear it to accept any certificate the trust list accepts, e.g. after the server&apos;s certificate was renewed.</source>
        <translation>Der SHA-1-Fingerabdruck des Zertifikats, das dieser Server vorlegen muss. Wird übernommen, wenn Sie dem Zertifikat des Servers vertrauen; leeren Sie ihn, um jedes Zertifikat der Vertrauensliste zu akzeptieren, z. B. nachdem das Zertifikat des Servers erneuert wurde.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Accept any certificate the trust list accepts</source>
        <translation>Jedes Zertifikat akzeptieren, das die Vertrauensliste akzeptiert</translation>
    </message>
    <message>
        <source>Expected certificate:</source>
        <translation>Erwartetes Zertifikat:</translation>
    </message>
    <message>
        <source>Primary se&amp;curity:</source>
        <translation>Si&amp;cherheit primär:</translation>
    </message>
    <message>
        <source>Seco&amp;ndary security:</source>
        <translation>Sicherheit sekun&amp;där:</translation>
    </message>
    <message>
        <source>Allow &amp;deprecated security policies</source>
        <translation>Veraltete Sicherheitsrichtlinien &amp;zulassen</translation>
    </message>
    <message>
        <source>Basic128Rsa15 and Basic256 rest on SHA-1 and are no longer safe; allow them only for a server that offers nothing newer. Never offered to clients.</source>
        <translation>Basic128Rsa15 und Basic256 beruhen auf SHA-1 und sind nicht mehr sicher; erlauben Sie sie nur für einen Server, der nichts Neueres anbietet. Clients werden sie nie angeboten.</translation>
    </message>
    <message>
        <source>Accept a &amp;host name mismatch</source>
        <translation>Abweichenden &amp;Hostnamen akzeptieren</translation>
    </message>
    <message>
        <source>Accept a trusted server certificate whose host names do not include the machine Tandem connects to (e.g. a server reached by an IP address its certificate does not name)</source>
        <translation>Ein vertrauenswürdiges Serverzertifikat akzeptieren, dessen Hostnamen die Maschine, mit der sich Tandem verbindet, nicht enthalten (z. B. ein Server, der über eine IP-Adresse erreicht wird, die sein Zertifikat nicht nennt)</translation>
    </message>
    <message>
        <source>What the pair&apos;s endpoint offers its clients; a client picks one</source>
        <translation>Was der Endpunkt des Paares seinen Clients anbietet; ein Client wählt eines davon</translation>
    </message>
    <message>
        <source>Endpoint &amp;offers:</source>
        <translation>An&amp;gebot des Endpunkts:</translation>
    </message>
    <message>
        <source>%1 (deprecated)</source>
        <translation>%1 (veraltet)</translation>
    </message>
    <message>
        <source>Warning: the endpoint offers None:None and is not on loopback: clients anywhere on the network can connect without signing or encrypting, and their passwords cross the network readable. Offer None only on 127.0.0.1 or localhost.</source>
        <translation>Warnung: Der Endpunkt bietet None:None an und liegt nicht auf Loopback: Clients im ganzen Netz können sich ohne Signatur und Verschlüsselung verbinden, und ihre Passwörter gehen lesbar über das Netz. Bieten Sie None nur auf 127.0.0.1 oder localhost an.</translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaSidePassword</name>
    <message>
        <source>Press Enter to store the password Tandem logs in with on this machine in the system keychain; without one the user name&apos;s password is used. It never goes into tandem.xml.</source>
        <translation>Drücken Sie die Eingabetaste, um das Passwort, mit dem sich Tandem an dieser Maschine anmeldet, im Schlüsselbund des Systems zu speichern; ohne eines wird das Passwort des Benutzernamens verwendet. Es gelangt nie in tandem.xml.</translation>
    </message>
    <message>
        <source>A password of its own is stored</source>
        <translation>Ein eigenes Passwort ist gespeichert</translation>
    </message>
    <message>
        <source>None of its own: the user name&apos;s password</source>
        <translation>Kein eigenes: das Passwort des Benutzernamens</translation>
    </message>
    <message>
        <source>Passwords cannot be kept: %1</source>
        <translation>Passwörter können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Storing the password in the system keychain…</source>
        <translation>Das Passwort wird im Schlüsselbund des Systems gespeichert…</translation>
    </message>
    <message>
        <source>The password was not stored: %1</source>
        <translation>Das Passwort wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Stored in the system keychain</source>
        <translation>Im Schlüsselbund des Systems gespeichert</translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaUserEditor</name>
    <message>
        <source>Add OPC UA User</source>
        <translation>OPC-UA-Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>On &amp;all pairs</source>
        <translation>&amp;Auf allen Paaren</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>&amp;Bediener</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Pa&amp;irs:</source>
        <translation>Pa&amp;are:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Choose the pairs, or all pairs.</source>
        <translation>Wählen Sie die Paare oder alle Paare.</translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaUsersDialog</name>
    <message>
        <source>OPC UA Users</source>
        <translation>OPC-UA-Benutzer</translation>
    </message>
    <message>
        <source>The users that may log on to the pairs&apos; OPC UA endpoints with a user name and password, where a pair accepts OPC UA users (General tab). Passwords are kept only as hashes in %1.</source>
        <translation>Die Benutzer, die sich mit Benutzername und Passwort an den OPC-UA-Endpunkten der Paare anmelden dürfen, wo ein Paar OPC-UA-Benutzer annimmt (Registerkarte Allgemein). Passwörter werden nur als Hashes in %1 gespeichert.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>all pairs</source>
        <translation>alle Paare</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>The user was not added: %1</source>
        <translation>Der Benutzer wurde nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Remove OPC UA User</source>
        <translation>OPC-UA-Benutzer entfernen</translation>
    </message>
    <message>
        <source>Remove the OPC UA user %1? Sessions it has open stay until they end.</source>
        <translation>Den OPC-UA-Benutzer %1 entfernen? Seine offenen Sitzungen bleiben, bis sie enden.</translation>
    </message>
    <message>
        <source>The user was not removed: %1</source>
        <translation>Der Benutzer wurde nicht entfernt: %1</translation>
    </message>
</context>
<context>
    <name>tandem::PairRuntime</name>
    <message>
        <source>switched by the operator</source>
        <translation>Vom Bediener umgeschaltet</translation>
    </message>
    <message>
        <source>monitor items in error: %1</source>
        <translation>Überwachungselemente fehlerhaft: %1</translation>
    </message>
    <message>
        <source>no communication</source>
        <translation>Keine Kommunikation</translation>
    </message>
    <message>
        <source>primary machine: %1</source>
        <translation>Primärrechner: %1</translation>
    </message>
    <message>
        <source>secondary machine: %1</source>
        <translation>Sekundärrechner: %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>connection mode changed to Cold</source>
        <translation>Verbindungsmodus auf Cold geändert</translation>
    </message>
    <message>
        <source>server is shutting down</source>
        <translation>Der Server fährt herunter</translation>
    </message>
    <message>
        <source>%1 (%2 in a row)</source>
        <translation>%1 (%2-mal nacheinander)</translation>
    </message>
    <message>
        <source>made active by the operator</source>
        <translation>Vom Bediener aktiv geschaltet</translation>
    </message>
    <message>
        <source>fail-back: the primary machine has been healthy for %1 ms</source>
        <translation>Rückschaltung: Der Primärrechner ist seit %1 ms fehlerfrei</translation>
    </message>
    <message>
        <source>fail-back to the primary machine</source>
        <translation>Rückschaltung zum Primärrechner</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>choose the primary or the secondary machine</source>
        <translation>Wählen Sie den Primär- oder den Sekundärrechner</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not running</source>
        <translation>&apos;%1&apos; läuft nicht</translation>
    </message>
    <message>
        <source>redundancy is disabled for &apos;%1&apos;: it passes everything to the primary machine</source>
        <translation>Die Redundanz ist für &apos;%1&apos; deaktiviert: Alles wird an den Primärrechner durchgeleitet</translation>
    </message>
    <message>
        <source>the %1 machine of &apos;%2&apos; has no communication</source>
        <translation>Der %1-Rechner von &apos;%2&apos; hat keine Kommunikation</translation>
    </message>
    <message>
        <source>the %1 machine of &apos;%2&apos; has no communication: %3</source>
        <translation>Der %1-Rechner von &apos;%2&apos; hat keine Kommunikation: %3</translation>
    </message>
</context>
<context>
    <name>tandem::PrepareMediaPage</name>
    <message>
        <source>Prepare Removable Media for the Target Computer</source>
        <translation>Wechseldatenträger für den Zielcomputer vorbereiten</translation>
    </message>
    <message>
        <source>Step 2 of 4: the target computer prepares the media that will carry the license.</source>
        <translation>Schritt 2 von 4: Der Zielcomputer bereitet den Datenträger vor, der die Lizenz transportiert.</translation>
    </message>
    <message>
        <source>This is the source computer, the media is prepared: go to Step &amp;3</source>
        <translation>Dies ist der Quellcomputer, der Datenträger ist vorbereitet: weiter mit Schritt &amp;3</translation>
    </message>
    <message>
        <source>Step 2: Source Computer Instructions</source>
        <translation>Schritt 2: Anleitung für den Quellcomputer</translation>
    </message>
    <message>
        <source>This step prepares license media on the target computer. Take removable media to the target computer and complete the procedure below there. Once the media is prepared, bring it back to this computer and continue with Step 3.</source>
        <translation>In diesem Schritt wird auf dem Zielcomputer ein Lizenzdatenträger vorbereitet. Bringen Sie einen Wechseldatenträger zum Zielcomputer und führen Sie dort die Schritte unten aus. Sobald der Datenträger vorbereitet ist, bringen Sie ihn zu diesem Computer zurück und fahren Sie mit Schritt 3 fort.</translation>
    </message>
    <message>
        <source>&amp;Prepare</source>
        <translation>&amp;Vorbereiten</translation>
    </message>
    <message>
        <source>Step 2: Target Computer Instructions</source>
        <translation>Schritt 2: Anleitung für den Zielcomputer</translation>
    </message>
    <message>
        <source>Insert the media in this computer and click Prepare to make it a license disk for this computer:</source>
        <translation>Legen Sie den Datenträger in diesen Computer ein und klicken Sie auf Vorbereiten, um ihn zu einem Lizenzdatenträger für diesen Computer zu machen:</translation>
    </message>
    <message>
        <source>Waiting to prepare a license disk.</source>
        <translation>Warten auf die Vorbereitung eines Lizenzdatenträgers.</translation>
    </message>
    <message>
        <source>Waiting to prepare a license disk. This computer holds a license (serial no. %1), so it can only be the source of a transfer.</source>
        <translation>Warten auf die Vorbereitung eines Lizenzdatenträgers. Dieser Computer hat eine Lizenz (Seriennr. %1) und kann daher nur Quelle einer Übertragung sein.</translation>
    </message>
    <message>
        <source>The media at %1 is prepared for this computer (Computer ID %2). Take it to the source computer and transfer the license to it there (Step 3); then bring it back and install the license here (Step 4). Click Next to continue.</source>
        <translation>Der Datenträger unter %1 ist für diesen Computer vorbereitet (Computer-ID %2). Bringen Sie ihn zum Quellcomputer und übertragen Sie die Lizenz dort darauf (Schritt 3); bringen Sie ihn dann zurück und installieren Sie die Lizenz hier (Schritt 4). Klicken Sie auf Weiter, um fortzufahren.</translation>
    </message>
    <message>
        <source>The media was not prepared: %1.</source>
        <translation>Der Datenträger wurde nicht vorbereitet: %1.</translation>
    </message>
    <message>
        <source>If this is the source computer, skip to Step 3.</source>
        <translation>Wenn dies der Quellcomputer ist, springen Sie zu Schritt 3.</translation>
    </message>
</context>
<context>
    <name>tandem::PurchaseDialog</name>
    <message>
        <source>Tandem License</source>
        <translation>Tandem-Lizenz</translation>
    </message>
    <message>
        <source>Please contact technical support to purchase a serial number that will license this application.</source>
        <translation>Bitte wenden Sie sich an den technischen Support, um eine Seriennummer zu kaufen, die diese Anwendung lizenziert.</translation>
    </message>
    <message>
        <source>XXXXX-XXXXX-...</source>
        <translation>XXXXX-XXXXX-...</translation>
    </message>
    <message>
        <source>&amp;Serial number:</source>
        <translation>&amp;Seriennummer:</translation>
    </message>
    <message numerus="yes">
        <source>Once the serial number is entered, Tandem runs without limits for a grace period of %n day(s). Unlock it for this computer within that time (Help › Unlock a License...).</source>
        <translation>
            <numerusform>Nach Eingabe der Seriennummer läuft Tandem für eine Karenzzeit von %n Tag ohne Einschränkungen. Schalten Sie es innerhalb dieser Zeit für diesen Computer frei (Hilfe › Lizenz freischalten...).</numerusform>
            <numerusform>Nach Eingabe der Seriennummer läuft Tandem für eine Karenzzeit von %n Tagen ohne Einschränkungen. Schalten Sie es innerhalb dieser Zeit für diesen Computer frei (Hilfe › Lizenz freischalten...).</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the serial number you received from technical support.</source>
        <translation>Geben Sie die Seriennummer ein, die Sie vom technischen Support erhalten haben.</translation>
    </message>
    <message>
        <source>The serial number was not accepted: %1.</source>
        <translation>Die Seriennummer wurde nicht angenommen: %1.</translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>This application has been licensed and may now be unlocked for unlimited use. Would you like to unlock this application at this time?</source>
        <translation>Diese Anwendung wurde lizenziert und kann jetzt für die unbegrenzte Nutzung freigeschaltet werden. Möchten Sie diese Anwendung jetzt freischalten?</translation>
    </message>
    <message numerus="yes">
        <source>Until it is unlocked, the license runs for a grace period of %n day(s).</source>
        <translation>
            <numerusform>Bis zur Freischaltung läuft die Lizenz für eine Karenzzeit von %n Tag.</numerusform>
            <numerusform>Bis zur Freischaltung läuft die Lizenz für eine Karenzzeit von %n Tagen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ServerDiscoveryDialog</name>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signieren</translation>
    </message>
    <message>
        <source>Sign &amp; Encrypt</source>
        <translation>Signieren &amp; Verschlüsseln</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
    <message>
        <source>UserName</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>IssuedToken</source>
        <translation>Ausgestelltes Token</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>(keine angegeben)</translation>
    </message>
    <message>
        <source>Browse OPC UA Servers</source>
        <translation>OPC-UA-Server suchen</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>host[:port]</source>
        <translation>Host[:Port]</translation>
    </message>
    <message>
        <source>The machine to ask for its OPC UA servers, as host name or IP address with an optional port (4840 when omitted)</source>
        <translation>Der Rechner, der nach seinen OPC-UA-Servern gefragt wird, als Hostname oder IP-Adresse mit optionalem Port (4840, wenn weggelassen)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Servers and endpoints:</source>
        <translation>Ser&amp;ver und Endpunkte:</translation>
    </message>
    <message>
        <source>Server / Endpoint URL</source>
        <translation>Server / Endpunkt-URL</translation>
    </message>
    <message>
        <source>Security mode</source>
        <translation>Sicherheitsmodus</translation>
    </message>
    <message>
        <source>Security policy</source>
        <translation>Sicherheitsrichtlinie</translation>
    </message>
    <message>
        <source>User identity</source>
        <translation>Benutzeridentität</translation>
    </message>
    <message>
        <source>Searching %1 …</source>
        <translation>%1 wird durchsucht …</translation>
    </message>
    <message>
        <source>No OPC UA server found on %1: %2.</source>
        <translation>Kein OPC-UA-Server auf %1 gefunden: %2.</translation>
    </message>
    <message>
        <source>%1 did not list its OPC UA servers: %2.</source>
        <translation>%1 hat seine OPC-UA-Server nicht aufgelistet: %2.</translation>
    </message>
    <message>
        <source>no endpoints: %1</source>
        <translation>Keine Endpunkte: %1</translation>
    </message>
    <message>
        <source>%1 at %2 did not list its endpoints: %3.</source>
        <translation>%1 auf %2 hat seine Endpunkte nicht aufgelistet: %3.</translation>
    </message>
    <message>
        <source>the server has none</source>
        <translation>Der Server hat keine</translation>
    </message>
    <message>
        <source>Tandem connects over opc.tcp only: %1</source>
        <translation>Tandem verbindet sich nur über opc.tcp: %1</translation>
    </message>
    <message>
        <source>Choose to connect to %1</source>
        <translation>Auswählen, um sich mit %1 zu verbinden</translation>
    </message>
    <message numerus="yes">
        <source>Found %n OPC UA server(s) on %1.</source>
        <translation>
            <numerusform>%n OPC-UA-Server auf %1 gefunden.</numerusform>
            <numerusform>%n OPC-UA-Server auf %1 gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lists no OPC UA servers.</source>
        <translation>%1 listet keine OPC-UA-Server auf.</translation>
    </message>
    <message>
        <source>Cannot connect securely to %1: %2</source>
        <translation>Keine gesicherte Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>Connecting securely to %1 …</source>
        <translation>Gesicherte Verbindung zu %1 wird aufgebaut …</translation>
    </message>
    <message>
        <source>Tandem does not know the security policy %1 with security mode %2.</source>
        <translation>Tandem kennt die Sicherheitsrichtlinie %1 mit Sicherheitsmodus %2 nicht.</translation>
    </message>
    <message>
        <source>A secured endpoint is chosen from a pair&apos;s General tab, where Tandem&apos;s certificates are at hand.</source>
        <translation>Ein gesicherter Endpunkt wird auf der Registerkarte Allgemein eines Paares gewählt, wo Tandems Zertifikate zur Hand sind.</translation>
    </message>
    <message>
        <source>The security policy %1 is deprecated, and the pair does not allow deprecated policies.</source>
        <translation>Die Sicherheitsrichtlinie %1 ist veraltet, und das Paar erlaubt keine veralteten Richtlinien.</translation>
    </message>
</context>
<context>
    <name>tandem::ServerTree</name>
    <message>
        <source>%1 (%2)
Clients connect to: %3
Primary: %4
Secondary: %5</source>
        <translation>%1 (%2)
Clients verbinden sich mit: %3
Primär: %4
Sekundär: %5</translation>
    </message>
    <message>
        <source>redundancy enabled</source>
        <translation>Redundanz aktiviert</translation>
    </message>
    <message>
        <source>Click here to add redundancy to a server</source>
        <translation>Hier klicken, um einem Server Redundanz hinzuzufügen</translation>
    </message>
    <message>
        <source>Server aliased by the configurations below</source>
        <translation>Server, für den die folgenden Konfigurationen Aliase sind</translation>
    </message>
    <message>
        <source>pass-through (redundancy disabled): clients are served by the primary only</source>
        <translation>Durchleitung (Redundanz deaktiviert): Clients werden nur vom Primärrechner bedient</translation>
    </message>
</context>
<context>
    <name>tandem::ServiceController</name>
    <message>
        <source>&amp;Install As Service...</source>
        <translation>Als Dienst &amp;installieren...</translation>
    </message>
    <message>
        <source>&amp;Uninstall As Service</source>
        <translation>Dienst &amp;deinstallieren</translation>
    </message>
    <message>
        <source>&amp;Reset Prompt Dialogs</source>
        <translation>Rückfragen &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Install As Service</source>
        <translation>Als Dienst installieren</translation>
    </message>
    <message>
        <source>The configuration has unsaved changes. Save it first: the service runs the saved configuration.</source>
        <translation>Die Konfiguration hat nicht gespeicherte Änderungen. Speichern Sie sie zuerst: Der Dienst verwendet die gespeicherte Konfiguration.</translation>
    </message>
    <message>
        <source>Write Unit File</source>
        <translation>Unit-Datei schreiben</translation>
    </message>
    <message>
        <source>The unit file was not written.</source>
        <translation>Die Unit-Datei wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>No file name was given.</source>
        <translation>Es wurde kein Dateiname angegeben.</translation>
    </message>
    <message>
        <source>Copy it to %1, then run:</source>
        <translation>Kopieren Sie sie nach %1 und führen Sie dann aus:</translation>
    </message>
    <message>
        <source>Once systemd runs, start the service with:</source>
        <translation>Sobald systemd läuft, starten Sie den Dienst mit:</translation>
    </message>
    <message>
        <source>The unit file was written to %1.</source>
        <translation>Die Unit-Datei wurde als %1 geschrieben.</translation>
    </message>
    <message>
        <source>A different tandemd user service is installed:
%1

Replace it? The old unit is kept as a .bak file.</source>
        <translation>Ein anderer tandemd-Benutzerdienst ist installiert:
%1

Ersetzen? Die alte Unit wird als .bak-Datei aufbewahrt.</translation>
    </message>
    <message>
        <source>The user service was not installed.</source>
        <translation>Der Benutzerdienst wurde nicht installiert.</translation>
    </message>
    <message>
        <source>The engine now runs as your user service: %1</source>
        <translation>Die Engine läuft jetzt als Ihr Benutzerdienst: %1</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>A different tandemd system service is installed:
%1

Replace it? The old unit is kept as a .bak file.</source>
        <translation>Ein anderer tandemd-Systemdienst ist installiert:
%1

Ersetzen? Die alte Unit wird als .bak-Datei aufbewahrt.</translation>
    </message>
    <message>
        <source>The system service was not installed.</source>
        <translation>Der Systemdienst wurde nicht installiert.</translation>
    </message>
    <message>
        <source>The system service now runs the pairs of %1. Reopen the console on the service&apos;s configuration?</source>
        <translation>Der Systemdienst führt jetzt die Paare von %1 aus. Die Konsole mit der Konfiguration des Dienstes neu öffnen?</translation>
    </message>
    <message>
        <source>Your own configuration (%1) stays as it is; this console no longer runs its pairs.</source>
        <translation>Ihre eigene Konfiguration (%1) bleibt unverändert; diese Konsole führt deren Paare nicht mehr aus.</translation>
    </message>
    <message>
        <source>The system service runs the pairs; this console shows %1 without an engine.</source>
        <translation>Der Systemdienst führt die Paare aus; diese Konsole zeigt %1 ohne Engine an.</translation>
    </message>
    <message>
        <source>system service</source>
        <translation>Systemdienst</translation>
    </message>
    <message>
        <source>user service</source>
        <translation>Benutzerdienst</translation>
    </message>
    <message>
        <source>Uninstall As Service</source>
        <translation>Dienst deinstallieren</translation>
    </message>
    <message>
        <source>Stop and remove the tandemd %1?</source>
        <translation>Den tandemd-%1 beenden und entfernen?</translation>
    </message>
    <message>
        <source>Its pairs stop with it; the configuration and the state stay, and this console runs the pairs of its configuration itself again.</source>
        <translation>Seine Paare werden mit ihm beendet; Konfiguration und Zustand bleiben erhalten, und diese Konsole führt die Paare ihrer Konfiguration wieder selbst aus.</translation>
    </message>
    <message>
        <source>The user service was not removed.</source>
        <translation>Der Benutzerdienst wurde nicht entfernt.</translation>
    </message>
    <message>
        <source>The system service was not removed.</source>
        <translation>Der Systemdienst wurde nicht entfernt.</translation>
    </message>
    <message>
        <source>Reset Prompt Dialogs</source>
        <translation>Rückfragen zurücksetzen</translation>
    </message>
    <message>
        <source>No prompt was set to &quot;Don&apos;t ask again&quot;.</source>
        <translation>Für keine Rückfrage war „Nicht mehr fragen“ gewählt.</translation>
    </message>
    <message numerus="yes">
        <source>%n prompt(s) set to &quot;Don&apos;t ask again&quot; will be shown again.</source>
        <translation>
            <numerusform>%n Rückfrage mit „Nicht mehr fragen“ wird wieder angezeigt.</numerusform>
            <numerusform>%n Rückfragen mit „Nicht mehr fragen“ werden wieder angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>Pairs stop when the console closes. Install as a service to keep them running.</source>
        <translation>Die Paare werden beendet, wenn die Konsole geschlossen wird. Installieren Sie Tandem als Dienst, damit sie weiterlaufen.</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) run in this console&apos;s own engine.</source>
        <translation>
            <numerusform>%n Paar läuft in der eigenen Engine dieser Konsole.</numerusform>
            <numerusform>%n Paare laufen in der eigenen Engine dieser Konsole.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::StreamConnection</name>
    <message>
        <source>connection closed by the peer</source>
        <translation>Verbindung von der Gegenseite geschlossen</translation>
    </message>
</context>
<context>
    <name>tandem::StreamListener</name>
    <message>
        <source>cannot listen on %1: not a local address</source>
        <translation>Auf %1 kann nicht gelauscht werden: keine lokale Adresse</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>Auf %1:%2 kann nicht gelauscht werden: %3</translation>
    </message>
    <message>
        <source>it was the longest idle of %1 clients and a new one came</source>
        <translation>er war der am längsten untätige von %1 Clients, und ein neuer kam</translation>
    </message>
    <message>
        <source>%1 clients are connected, none of them idle</source>
        <translation>%1 Clients sind verbunden, keiner davon untätig</translation>
    </message>
    <message>
        <source>it left %1 bytes of answers unread for %2 s</source>
        <translation>er ließ %1 Byte Antworten %2 s lang ungelesen</translation>
    </message>
</context>
<context>
    <name>tandem::TransferInPage</name>
    <message>
        <source>Transfer the License from the Media to the Target Computer</source>
        <translation>Lizenz vom Datenträger auf den Zielcomputer übertragen</translation>
    </message>
    <message>
        <source>Step 4 of 4: the target computer installs the license from the media.</source>
        <translation>Schritt 4 von 4: Der Zielcomputer installiert die Lizenz vom Datenträger.</translation>
    </message>
    <message>
        <source>Step 4: Source Computer Instructions</source>
        <translation>Schritt 4: Anleitung für den Quellcomputer</translation>
    </message>
    <message>
        <source>This final step moves the license from the media to the target computer. Take the media holding the license from Step 3 to the target computer and complete the procedure below there.</source>
        <translation>Dieser letzte Schritt verschiebt die Lizenz vom Datenträger auf den Zielcomputer. Bringen Sie den Datenträger mit der Lizenz aus Schritt 3 zum Zielcomputer und führen Sie dort die Schritte unten aus.</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Übertragen</translation>
    </message>
    <message>
        <source>Step 4: Target Computer Instructions</source>
        <translation>Schritt 4: Anleitung für den Zielcomputer</translation>
    </message>
    <message>
        <source>Insert the media holding the license from Step 3 in this computer, and click Transfer to install the license here:</source>
        <translation>Legen Sie den Datenträger mit der Lizenz aus Schritt 3 in diesen Computer ein und klicken Sie auf Übertragen, um die Lizenz hier zu installieren:</translation>
    </message>
    <message>
        <source>Waiting to install the license from the media.</source>
        <translation>Warten auf die Installation der Lizenz vom Datenträger.</translation>
    </message>
    <message>
        <source>The unfinished transfer could not be completed: %1.</source>
        <translation>Die unterbrochene Übertragung konnte nicht abgeschlossen werden: %1.</translation>
    </message>
    <message>
        <source>The license was not installed: %1.</source>
        <translation>Die Lizenz wurde nicht installiert: %1.</translation>
    </message>
    <message>
        <source>The license is installed on this computer; the media holds no license any more. Click Next to finish.</source>
        <translation>Die Lizenz ist auf diesem Computer installiert; der Datenträger enthält keine Lizenz mehr. Klicken Sie auf Weiter, um abzuschließen.</translation>
    </message>
</context>
<context>
    <name>tandem::TransferOutPage</name>
    <message>
        <source>Transfer the License from the Source Computer to the Media</source>
        <translation>Lizenz vom Quellcomputer auf den Datenträger übertragen</translation>
    </message>
    <message>
        <source>Step 3 of 4: the source computer moves its license onto the prepared media.</source>
        <translation>Schritt 3 von 4: Der Quellcomputer verschiebt seine Lizenz auf den vorbereiteten Datenträger.</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Übertragen</translation>
    </message>
    <message>
        <source>Step 3: Source Computer Instructions</source>
        <translation>Schritt 3: Anleitung für den Quellcomputer</translation>
    </message>
    <message>
        <source>Insert the license media prepared in Step 2 on the target computer, and click Transfer to move the license to it. The license leaves this computer.</source>
        <translation>Legen Sie den in Schritt 2 auf dem Zielcomputer vorbereiteten Lizenzdatenträger ein und klicken Sie auf Übertragen, um die Lizenz darauf zu verschieben. Die Lizenz verlässt diesen Computer.</translation>
    </message>
    <message>
        <source>&amp;Cancel the transfer</source>
        <translation>Übertragung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Keep the license on this computer; the media no longer holds it</source>
        <translation>Die Lizenz auf diesem Computer behalten; der Datenträger enthält sie nicht mehr</translation>
    </message>
    <message>
        <source>This is the target computer, the license is on the media: go to Step &amp;4</source>
        <translation>Dies ist der Zielcomputer, die Lizenz ist auf dem Datenträger: weiter mit Schritt &amp;4</translation>
    </message>
    <message>
        <source>Step 3: Target Computer Instructions</source>
        <translation>Schritt 3: Anleitung für den Zielcomputer</translation>
    </message>
    <message>
        <source>This step moves the license from the source computer to the media. Take the media prepared in Step 2 to the source computer and complete the procedure above there. When you are back with the media, continue with Step 4.</source>
        <translation>In diesem Schritt wird die Lizenz vom Quellcomputer auf den Datenträger verschoben. Bringen Sie den in Schritt 2 vorbereiteten Datenträger zum Quellcomputer und führen Sie dort die Schritte oben aus. Wenn Sie mit dem Datenträger zurück sind, fahren Sie mit Schritt 4 fort.</translation>
    </message>
    <message>
        <source>Waiting to transfer the license to the media.</source>
        <translation>Warten auf die Übertragung der Lizenz auf den Datenträger.</translation>
    </message>
    <message>
        <source>The unfinished transfer could not be completed: %1.</source>
        <translation>Die unterbrochene Übertragung konnte nicht abgeschlossen werden: %1.</translation>
    </message>
    <message>
        <source>The license was not transferred: %1.</source>
        <translation>Die Lizenz wurde nicht übertragen: %1.</translation>
    </message>
    <message>
        <source>The license is on the media at %1 and has left this computer. Take the media to the target computer and complete Step 4 there. Click Next to finish here.</source>
        <translation>Die Lizenz befindet sich auf dem Datenträger unter %1 und hat diesen Computer verlassen. Bringen Sie den Datenträger zum Zielcomputer und führen Sie dort Schritt 4 aus. Klicken Sie auf Weiter, um hier abzuschließen.</translation>
    </message>
    <message>
        <source>The license is on the media at %1, sealed for the computer %2, and has left this computer. Take the media to that computer and complete Step 4 there. Click Next to finish here.</source>
        <translation>Die Lizenz befindet sich auf dem Datenträger unter %1, versiegelt für den Computer %2, und hat diesen Computer verlassen. Bringen Sie den Datenträger zu jenem Computer und führen Sie dort Schritt 4 aus. Klicken Sie auf Weiter, um hier abzuschließen.</translation>
    </message>
    <message>
        <source>The transfer was cancelled: the license stays on this computer.</source>
        <translation>Die Übertragung wurde abgebrochen: Die Lizenz bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>The transfer could not be cancelled: %1.</source>
        <translation>Die Übertragung konnte nicht abgebrochen werden: %1.</translation>
    </message>
</context>
<context>
    <name>tandem::TransferWizard</name>
    <message>
        <source>Transfer a License</source>
        <translation>Lizenz übertragen</translation>
    </message>
</context>
<context>
    <name>tandem::UnlockDialog</name>
    <message>
        <source>Tandem Unlock</source>
        <translation>Tandem freischalten</translation>
    </message>
    <message>
        <source>Please contact technical support to obtain a password that will unlock this application. They need the serial number and the Computer ID below.</source>
        <translation>Bitte wenden Sie sich an den technischen Support, um ein Passwort zu erhalten, das diese Anwendung freischaltet. Er benötigt die Seriennummer und die Computer-ID unten.</translation>
    </message>
    <message>
        <source>Application S/N:</source>
        <translation>Anwendungs-S/N:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the Computer ID to the clipboard</source>
        <translation>Die Computer-ID in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Computer ID:</source>
        <translation>Computer-ID:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message numerus="yes">
        <source>If technical support cannot be reached now, click Cancel: Tandem runs without limits for the rest of its grace period (%n day(s) left), and the title bar shows the days left to unlock.</source>
        <translation>
            <numerusform>Ist der technische Support jetzt nicht erreichbar, klicken Sie auf Abbrechen: Tandem läuft für den Rest seiner Karenzzeit (noch %n Tag) ohne Einschränkungen, und die Titelleiste zeigt die verbleibenden Tage bis zur Freischaltung.</numerusform>
            <numerusform>Ist der technische Support jetzt nicht erreichbar, klicken Sie auf Abbrechen: Tandem läuft für den Rest seiner Karenzzeit (noch %n Tage) ohne Einschränkungen, und die Titelleiste zeigt die verbleibenden Tage bis zur Freischaltung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n-day grace period is over: until the license is unlocked, the demo limits apply.</source>
        <translation>
            <numerusform>Die Karenzzeit von %n Tag ist abgelaufen: Bis die Lizenz freigeschaltet ist, gelten die Demo-Beschränkungen.</numerusform>
            <numerusform>Die Karenzzeit von %n Tagen ist abgelaufen: Bis die Lizenz freigeschaltet ist, gelten die Demo-Beschränkungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>This license is unlocked already.</source>
        <translation>Diese Lizenz ist bereits freigeschaltet.</translation>
    </message>
    <message>
        <source>No license is installed: enter a serial number first (Help › Purchase a License...).</source>
        <translation>Es ist keine Lizenz installiert: Geben Sie zuerst eine Seriennummer ein (Hilfe › Lizenz kaufen...).</translation>
    </message>
    <message>
        <source>The license cannot be read: %1.</source>
        <translation>Die Lizenz kann nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>The Computer ID cannot be determined: %1.</source>
        <translation>Die Computer-ID kann nicht ermittelt werden: %1.</translation>
    </message>
    <message>
        <source>Enter the password you received from technical support.</source>
        <translation>Geben Sie das Passwort ein, das Sie vom technischen Support erhalten haben.</translation>
    </message>
    <message>
        <source>The password was not accepted: %1.</source>
        <translation>Das Passwort wurde nicht angenommen: %1.</translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>This application has been unlocked for unlimited use on this computer.</source>
        <translation>Diese Anwendung wurde für die unbegrenzte Nutzung auf diesem Computer freigeschaltet.</translation>
    </message>
</context>
<context>
    <name>tandem::UntrustedCertificateDialog</name>
    <message>
        <source>Untrusted Server Certificate</source>
        <translation>Nicht vertrauenswürdiges Serverzertifikat</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>Der Server</translation>
    </message>
    <message>
        <source>The server %1</source>
        <translation>Der Server %1</translation>
    </message>
    <message>
        <source>%1 presented a certificate that Tandem does not trust (%2), so the connection was refused. Trust it only if it is the certificate the server really has.</source>
        <translation>%1 hat ein Zertifikat vorgelegt, dem Tandem nicht vertraut (%2), daher wurde die Verbindung abgewiesen. Vertrauen Sie ihm nur, wenn es das Zertifikat ist, das der Server wirklich hat.</translation>
    </message>
    <message>
        <source>&amp;Expect exactly this certificate from the secondary server of %1</source>
        <translation>Genau dieses Zertifikat vom sekundären Server von %1 &amp;erwarten</translation>
    </message>
    <message>
        <source>&amp;Expect exactly this certificate from the primary server of %1</source>
        <translation>Genau dieses Zertifikat vom primären Server von %1 &amp;erwarten</translation>
    </message>
    <message>
        <source>The pair then refuses any other certificate from this server, even one the trust list accepts. Save the configuration to keep it.</source>
        <translation>Das Paar weist dann jedes andere Zertifikat dieses Servers ab, auch eines, das die Vertrauensliste akzeptiert. Speichern Sie die Konfiguration, um dies zu behalten.</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>&amp;Vertrauen</translation>
    </message>
    <message>
        <source>Trust Server Certificate</source>
        <translation>Serverzertifikat vertrauen</translation>
    </message>
    <message>
        <source>Compare the thumbprint with the one the server shows in its own configuration before you trust it:

%1

Trust this certificate?</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem, den der Server in seiner eigenen Konfiguration zeigt, bevor Sie ihm vertrauen:

%1

Diesem Zertifikat vertrauen?</translation>
    </message>
    <message>
        <source>The certificate was not trusted: %1</source>
        <translation>Dem Zertifikat wurde nicht vertraut: %1</translation>
    </message>
    <message>
        <source>The certificate is trusted, but the pair does not expect it: %1</source>
        <translation>Dem Zertifikat wird vertraut, aber das Paar erwartet es nicht: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>tandem::modbus::ModbusProxy</name>
    <message>
        <source>malformed Modbus frame (%1)</source>
        <translation>Fehlerhafter Modbus-Frame (%1)</translation>
    </message>
</context>
<context>
    <name>tandem::opcua::Client</name>
    <message>
        <source>no answer within the connect timeout</source>
        <translation>Keine Antwort innerhalb des Verbindungs-Timeouts</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an OPC UA URL like opc.tcp://host:4840</source>
        <translation>&apos;%1&apos; ist keine OPC-UA-URL wie opc.tcp://host:4840</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>Der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the server refused: %1%2</source>
        <translation>Der Server lehnte ab: %1%2</translation>
    </message>
    <message>
        <source>the server sent an unexpected Acknowledge</source>
        <translation>Der Server hat ein unerwartetes Acknowledge gesendet</translation>
    </message>
    <message>
        <source>the server aborted the answer: %1</source>
        <translation>Der Server hat die Antwort abgebrochen: %1</translation>
    </message>
    <message>
        <source>the server closed the secure channel</source>
        <translation>Der Server hat den sicheren Kanal geschlossen</translation>
    </message>
    <message>
        <source>opening the secure channel failed: %1</source>
        <translation>Öffnen des sicheren Kanals fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>renewing the secure channel failed: %1</source>
        <translation>Erneuern des sicheren Kanals fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>creating a session failed: %1</source>
        <translation>Anlegen einer Sitzung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the server does not accept anonymous sessions; configure a user name</source>
        <translation>Der Server akzeptiert keine anonymen Sitzungen; konfigurieren Sie einen Benutzernamen</translation>
    </message>
    <message>
        <source>the server takes user names only encrypted with %1, which Tandem does not support</source>
        <translation>Der Server nimmt Benutzernamen nur verschlüsselt mit %1 an, was Tandem nicht unterstützt</translation>
    </message>
    <message>
        <source>the server does not accept user names on an unsecured endpoint</source>
        <translation>Der Server akzeptiert keine Benutzernamen an einem ungesicherten Endpunkt</translation>
    </message>
    <message>
        <source>the password cannot be encrypted for the server: %1</source>
        <translation>Das Passwort kann für den Server nicht verschlüsselt werden: %1</translation>
    </message>
    <message>
        <source>the server refused the user name &apos;%1&apos;: %2</source>
        <translation>Der Server lehnte den Benutzernamen &apos;%1&apos; ab: %2</translation>
    </message>
    <message>
        <source>activating the session failed: %1</source>
        <translation>Aktivieren der Sitzung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>Die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>the request of %1 bytes exceeds the server&apos;s limit of %2</source>
        <translation>Die Anfrage mit %1 Bytes überschreitet das Limit des Servers von %2</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>Keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>the server returned %1 results for %2 requested</source>
        <translation>Der Server hat %1 Ergebnisse für %2 Anfragen zurückgegeben</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>Der Server hat mit %1 geantwortet</translation>
    </message>
    <message>
        <source>the server sent an undecodable ServiceFault: %1</source>
        <translation>Der Server hat einen nicht dekodierbaren ServiceFault gesendet: %1</translation>
    </message>
    <message>
        <source>the server sent a ServiceFault without a code</source>
        <translation>Der Server hat einen ServiceFault ohne Code gesendet</translation>
    </message>
    <message>
        <source>the server answered with message type i=%1 instead of i=%2</source>
        <translation>Der Server antwortete mit Nachrichtentyp i=%1 statt i=%2</translation>
    </message>
    <message>
        <source>the server sent an undecodable answer: %1</source>
        <translation>Der Server hat eine nicht dekodierbare Antwort gesendet: %1</translation>
    </message>
    <message>
        <source>the server ended the session: %1</source>
        <translation>Der Server hat die Sitzung beendet: %1</translation>
    </message>
    <message>
        <source>the server&apos;s certificate cannot be used: %1</source>
        <translation>Das Zertifikat des Servers kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>asking the server&apos;s endpoints failed: %1</source>
        <translation>Das Abfragen der Endpunkte des Servers ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the server offers no endpoint with %1; it offers %2</source>
        <translation>Der Server bietet keinen Endpunkt mit %1 an; er bietet %2 an</translation>
    </message>
    <message>
        <source>the server&apos;s %1 endpoint carries no certificate</source>
        <translation>Der %1-Endpunkt des Servers hat kein Zertifikat</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is refused: %1</source>
        <translation>Das Zertifikat des Servers wird abgelehnt: %1</translation>
    </message>
    <message>
        <source>the server sent a broken message: %1 (%2)</source>
        <translation>Der Server hat eine fehlerhafte Nachricht gesendet: %1 (%2)</translation>
    </message>
    <message>
        <source>the server&apos;s nonce is unusable: %1</source>
        <translation>Die Nonce des Servers ist unbrauchbar: %1</translation>
    </message>
    <message>
        <source>the server&apos;s session nonce has %1 bytes, fewer than 32</source>
        <translation>Die Sitzungs-Nonce des Servers hat %1 Bytes, weniger als 32</translation>
    </message>
    <message>
        <source>the server&apos;s session certificate is not the one of its endpoint</source>
        <translation>Das Sitzungszertifikat des Servers ist nicht das seines Endpunkts</translation>
    </message>
    <message>
        <source>the server&apos;s session signature is refused: %1</source>
        <translation>Die Sitzungssignatur des Servers wird abgelehnt: %1</translation>
    </message>
    <message>
        <source>signing the session failed: %1</source>
        <translation>Das Signieren der Sitzung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the server takes the password of &apos;%1&apos; only in clear text, which the pair does not allow (allow clear-text passwords towards the servers)</source>
        <translation>der Server nimmt das Passwort von „%1“ nur im Klartext an, was das Paar nicht erlaubt (Klartext-Passwörter an die Server erlauben)</translation>
    </message>
    <message>
        <source>the request cannot be secured: %1</source>
        <translation>Die Anfrage kann nicht gesichert werden: %1</translation>
    </message>
</context>
<context>
    <name>tandem::opcua::OpcUaLink</name>
    <message>
        <source>the password of OPC UA user &apos;%1&apos; cannot be read: %2</source>
        <translation>Das Passwort des OPC-UA-Benutzers &apos;%1&apos; kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>Die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>ServerStatus is unreadable: %1</source>
        <translation>ServerStatus ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>the server announced its shutdown in %1 s</source>
        <translation>Der Server hat sein Herunterfahren in %1 s angekündigt</translation>
    </message>
    <message>
        <source>the server is shutting down</source>
        <translation>Der Server fährt herunter</translation>
    </message>
    <message>
        <source>the server&apos;s state is %1</source>
        <translation>Der Zustand des Servers ist %1</translation>
    </message>
    <message>
        <source>the server&apos;s service level is 0 (maintenance)</source>
        <translation>Der Service Level des Servers ist 0 (Wartung)</translation>
    </message>
    <message>
        <source>service level %1</source>
        <translation>Service Level %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an OPC UA node id such as ns=2;s=Tag or i=2258</source>
        <translation>&apos;%1&apos; ist keine OPC-UA-Node-ID wie ns=2;s=Tag oder i=2258</translation>
    </message>
    <message>
        <source>the security policy %1 is deprecated and the pair does not allow deprecated policies</source>
        <translation>Die Sicherheitsrichtlinie %1 ist veraltet, und das Paar erlaubt keine veralteten Richtlinien</translation>
    </message>
    <message>
        <source>no certificate store</source>
        <translation>Kein Zertifikatspeicher</translation>
    </message>
    <message>
        <source>Tandem&apos;s own certificate cannot be used: %1</source>
        <translation>Tandems eigenes Zertifikat kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>the server presents the certificate %1, the pair expects %2</source>
        <translation>Der Server legt das Zertifikat %1 vor, das Paar erwartet %2</translation>
    </message>
</context>
<context>
    <name>tandem::opcua::OpcUaProxy</name>
    <message>
        <source>undecodable request (type i=%1): %2</source>
        <translation>Nicht dekodierbare Anfrage (Typ i=%1): %2</translation>
    </message>
    <message>
        <source>undecodable request (type i=%1)</source>
        <translation>Nicht dekodierbare Anfrage (Typ i=%1)</translation>
    </message>
    <message>
        <source>the secure channel&apos;s token expired</source>
        <translation>Der sichere Kanal ist abgelaufen (Token)</translation>
    </message>
    <message>
        <source>no certificate store</source>
        <translation>Kein Zertifikatspeicher</translation>
    </message>
</context>
</TS>
