<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ApplicationCertificate</name>
    <message>
        <source>the certificate cannot be encoded</source>
        <translation>el certificado no se puede codificar</translation>
    </message>
    <message>
        <source>the own certificate needs the host name of this machine</source>
        <translation>el certificado propio necesita el nombre de host de este equipo</translation>
    </message>
    <message>
        <source>cannot make a certificate: %1</source>
        <translation>no se puede crear el certificado: %1</translation>
    </message>
    <message>
        <source>%1 is no IP address</source>
        <translation>%1 no es una dirección IP</translation>
    </message>
    <message>
        <source>the own certificate %1 and the private key %2 are missing, damaged or do not belong together; import a certificate with its key or renew</source>
        <translation>el certificado propio %1 y la clave privada %2 faltan, están dañados o no se corresponden; importe un certificado con su clave o renuévelo</translation>
    </message>
    <message>
        <source>the private key does not belong to the certificate %1</source>
        <translation>la clave privada no corresponde al certificado %1</translation>
    </message>
    <message>
        <source>the key of %1 is not an RSA key; the OPC UA security policies Tandem offers need RSA</source>
        <translation>la clave de %1 no es una clave RSA; las políticas de seguridad OPC UA que ofrece Tandem necesitan RSA</translation>
    </message>
    <message>
        <source>the certificate %1 has no URI in its subjectAltName; OPC UA needs the application&apos;s ApplicationUri there (OPC 10000-6 §6.2.2)</source>
        <translation>el certificado %1 no tiene ninguna URI en su subjectAltName; OPC UA necesita ahí la ApplicationUri de la aplicación (OPC 10000-6 §6.2.2)</translation>
    </message>
    <message>
        <source>the certificate %1 is valid only from %2 to %3</source>
        <translation>el certificado %1 solo es válido desde %2 hasta %3</translation>
    </message>
    <message>
        <source>the certificate to import is %1</source>
        <translation>el certificado a importar: %1</translation>
    </message>
    <message>
        <source>the key to import: %1</source>
        <translation>la clave a importar: %1</translation>
    </message>
    <message>
        <source>the file to import is not a PKCS#12 file</source>
        <translation>el archivo a importar no es un archivo PKCS#12</translation>
    </message>
    <message>
        <source>the password of the PKCS#12 file is wrong</source>
        <translation>la contraseña del archivo PKCS#12 es incorrecta</translation>
    </message>
    <message>
        <source>the PKCS#12 file cannot be read (%1); it may use an encryption OpenSSL 3 no longer offers by default (RC2, 3DES)</source>
        <translation>el archivo PKCS#12 no se puede leer (%1); quizá usa un cifrado que OpenSSL 3 ya no ofrece por defecto (RC2, 3DES)</translation>
    </message>
    <message>
        <source>the PKCS#12 file holds no certificate with its private key</source>
        <translation>el archivo PKCS#12 no contiene ningún certificado con su clave privada</translation>
    </message>
</context>
<context>
    <name>BackupArchive</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>no se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>cannot copy %1: %2</source>
        <translation>no se puede copiar %1: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Tandem backup: it is too large (%2 bytes)</source>
        <translation>%1 no es una copia de seguridad de Tandem: es demasiado grande (%2 bytes)</translation>
    </message>
    <message>
        <source>%1 is not a Tandem backup: %2</source>
        <translation>%1 no es una copia de seguridad de Tandem: %2</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 está dañado: %2</translation>
    </message>
    <message>
        <source>%1 is not a Tandem backup: it does not start with %2</source>
        <translation>%1 no es una copia de seguridad de Tandem: no empieza por %2</translation>
    </message>
    <message>
        <source>%1 is not a Tandem backup: %2 is not a Tandem manifest</source>
        <translation>%1 no es una copia de seguridad de Tandem: %2 no es un manifiesto de Tandem</translation>
    </message>
    <message>
        <source>%1 is a Tandem backup of format version %2; this Tandem reads version %3</source>
        <translation>%1 es una copia de seguridad de Tandem con formato versión %2; este Tandem lee la versión %3</translation>
    </message>
    <message>
        <source>%1 is damaged: its manifest lists &apos;%2&apos;, which is not part of a Tandem backup</source>
        <translation>%1 está dañado: su manifiesto incluye &apos;%2&apos;, que no forma parte de una copia de seguridad de Tandem</translation>
    </message>
    <message>
        <source>%1 is damaged: its manifest lists %2 twice</source>
        <translation>%1 está dañado: su manifiesto incluye %2 dos veces</translation>
    </message>
    <message>
        <source>%1 is damaged: it holds %2, which its manifest does not list</source>
        <translation>%1 está dañado: contiene %2, que su manifiesto no incluye</translation>
    </message>
    <message>
        <source>bad checksum of %1 in %2: the archive is damaged</source>
        <translation>suma de comprobación incorrecta de %1 en %2: el archivo está dañado</translation>
    </message>
    <message>
        <source>%1 is damaged: %2 is missing</source>
        <translation>%1 está dañado: falta %2</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>no se puede crear la carpeta %1</translation>
    </message>
    <message>
        <source>cannot write in %1: %2</source>
        <translation>no se puede escribir en %1: %2</translation>
    </message>
    <message>
        <source>the engine is running (it answers on %1): stop it first, then restore</source>
        <translation>el motor está en ejecución (responde en %1): deténgalo primero y después restaure</translation>
    </message>
    <message>
        <source>%1 in %2 is not a valid configuration: %3</source>
        <translation>%1 en %2 no es una configuración válida: %3</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>no se puede crear la carpeta de %1</translation>
    </message>
    <message>
        <source>kept the previous %1 as %2</source>
        <translation>se ha conservado el %1 anterior como %2</translation>
    </message>
    <message>
        <source>restored %1</source>
        <translation>%1 restaurado</translation>
    </message>
    <message>
        <source>every pair is disabled; enable them with: tandemctl pair enable NAME</source>
        <translation>todos los pares están desactivados; actívelos con: tandemctl pair enable NAME</translation>
    </message>
    <message>
        <source>mail %1 is from &apos;%2&apos;, but the configured sender is &apos;%3&apos;</source>
        <translation>el correo %1 es de &apos;%2&apos;, pero el remitente configurado es &apos;%3&apos;</translation>
    </message>
    <message>
        <source>mail %1 goes to &apos;%2&apos;, who is not a configured recipient</source>
        <translation>el correo %1 va a &apos;%2&apos;, que no es un destinatario configurado</translation>
    </message>
    <message>
        <source>the event could not be recorded: %1</source>
        <translation>no se pudo registrar el evento: %1</translation>
    </message>
    <message>
        <source>%1 cannot be restored: %2</source>
        <translation>%1 no se puede restaurar: %2</translation>
    </message>
    <message>
        <source>left out the e-mail outbox of the backup: %1</source>
        <translation>se omitió la bandeja de salida de correo de la copia de seguridad: %1</translation>
    </message>
</context>
<context>
    <name>BackupRetention</name>
    <message>
        <source>cannot delete %1: %2</source>
        <translation>no se puede eliminar %1: %2</translation>
    </message>
</context>
<context>
    <name>Certificate</name>
    <message>
        <source>not an X.509 certificate</source>
        <translation>no es un certificado X.509</translation>
    </message>
    <message>
        <source>not an X.509 certificate (%1)</source>
        <translation>no es un certificado X.509 (%1)</translation>
    </message>
    <message>
        <source>the certificate cannot be encoded as DER</source>
        <translation>el certificado no se puede codificar como DER</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>certificate %1 of the chain is no X.509 certificate</source>
        <translation>el certificado %1 de la cadena no es un certificado X.509</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>ningún certificado</translation>
    </message>
    <message>
        <source>%1 is too large to be a certificate</source>
        <translation>%1 es demasiado grande para ser un certificado</translation>
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
        <translation>Sujeto</translation>
    </message>
    <message>
        <source>Thumbprint (SHA-1)</source>
        <translation>Huella (SHA-1)</translation>
    </message>
    <message>
        <source>Application URI</source>
        <translation>URI de aplicación</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Emisor</translation>
    </message>
    <message>
        <source>%1 (self-signed)</source>
        <translation>%1 (autofirmado)</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Válido desde</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válido hasta</translation>
    </message>
    <message>
        <source>This certificate has expired.</source>
        <translation>Este certificado ha caducado.</translation>
    </message>
    <message>
        <source>This certificate is not valid yet.</source>
        <translation>Este certificado aún no es válido.</translation>
    </message>
    <message>
        <source>Host names</source>
        <translation>Nombres de host</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>Direcciones IP</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>RSA %1 bits, %2</source>
        <translation>RSA de %1 bits, %2</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Número de serie</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Autoridad de certificación</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
</context>
<context>
    <name>CertificateValidator</name>
    <message>
        <source>the peer&apos;s certificate cannot be read: %1</source>
        <translation>no se puede leer el certificado del otro extremo: %1</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>ningún certificado</translation>
    </message>
    <message>
        <source>the certificate %1 is malformed (not X.509 version 3, or an extension that cannot be decoded)</source>
        <translation>el certificado %1 está mal formado (no es X.509 versión 3, o tiene una extensión que no se puede decodificar)</translation>
    </message>
    <message>
        <source>it could not be copied to rejected/: %1</source>
        <translation>no se pudo copiar a rejected/: %1</translation>
    </message>
    <message>
        <source>it was copied to %1</source>
        <translation>se copió a %1</translation>
    </message>
    <message>
        <source>the chain of %1 is longer than %2 certificates</source>
        <translation>la cadena de %1 tiene más de %2 certificados</translation>
    </message>
    <message>
        <source>the signature of %1 does not verify with the key of its issuer &quot;%2&quot;</source>
        <translation>la firma de %1 no se verifica con la clave de su emisor «%2»</translation>
    </message>
    <message>
        <source>the issuer &quot;%1&quot; of %2 is in neither trusted/certs nor issuers/certs</source>
        <translation>el emisor «%1» de %2 no está ni en trusted/certs ni en issuers/certs</translation>
    </message>
    <message>
        <source>the chain of %1 runs in a circle</source>
        <translation>la cadena de %1 forma un círculo</translation>
    </message>
    <message>
        <source>the key of %1 has %2 bits; the security policy asks for %3 to %4</source>
        <translation>la clave de %1 tiene %2 bits; la política de seguridad pide de %3 a %4</translation>
    </message>
    <message>
        <source>%1 is signed with SHA-1, which the security policy does not accept</source>
        <translation>%1 está firmado con SHA-1, que la política de seguridad no acepta</translation>
    </message>
    <message>
        <source>the certificate %1 is not trusted, nor is a CA of its chain</source>
        <translation>el certificado %1 no es de confianza, ni ninguna CA de su cadena</translation>
    </message>
    <message>
        <source>%1 is valid from %2 to %3, and it is %4</source>
        <translation>%1 es válido desde %2 hasta %3, y ahora es %4</translation>
    </message>
    <message>
        <source>%1 names the hosts %2, not %3</source>
        <translation>%1 nombra los hosts %2, no %3</translation>
    </message>
    <message>
        <source>%1 carries the ApplicationUri &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>%1 lleva la ApplicationUri «%2», no «%3»</translation>
    </message>
    <message>
        <source>the key usage of %1 does not allow digitalSignature, keyEncipherment and dataEncipherment</source>
        <translation>el uso de clave de %1 no permite digitalSignature, keyEncipherment y dataEncipherment</translation>
    </message>
    <message>
        <source>the extended key usage of %1 does not allow serverAuth</source>
        <translation>el uso extendido de clave de %1 no permite serverAuth</translation>
    </message>
    <message>
        <source>the extended key usage of %1 does not allow clientAuth</source>
        <translation>el uso extendido de clave de %1 no permite clientAuth</translation>
    </message>
    <message>
        <source>%1 issued %2 but is no CA allowed to sign certificates</source>
        <translation>%1 emitió %2 pero no es una CA autorizada a firmar certificados</translation>
    </message>
    <message>
        <source>the CA %1 that issued %2 has no revocation list in trusted/crl or issuers/crl</source>
        <translation>la CA %1 que emitió %2 no tiene lista de revocación en trusted/crl ni en issuers/crl</translation>
    </message>
    <message>
        <source>%1 is revoked by its CA %2</source>
        <translation>%1 está revocado por su CA %2</translation>
    </message>
</context>
<context>
    <name>ComputerId</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 does not hold a machine id</source>
        <translation>%1 no contiene un identificador de máquina</translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>elements are nested too deeply</source>
        <translation>los elementos están anidados a demasiada profundidad</translation>
    </message>
    <message>
        <source>document type declarations are not allowed</source>
        <translation>no se permiten declaraciones de tipo de documento</translation>
    </message>
    <message>
        <source>not well-formed XML: %1</source>
        <translation>XML mal formado: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>&apos;%1&apos; no es un número entero</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not true or false</source>
        <translation>&apos;%1&apos; no es true ni false</translation>
    </message>
    <message>
        <source>unknown element &lt;%1&gt;</source>
        <translation>elemento desconocido &lt;%1&gt;</translation>
    </message>
    <message>
        <source>unknown attribute &apos;%1&apos;</source>
        <translation>atributo desconocido &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a data type (Default, Boolean, Word, Short, DWord, Long, Float, Double)</source>
        <translation>&apos;%1&apos; no es un tipo de datos (Default, Boolean, Word, Short, DWord, Long, Float, Double)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a trigger (bad-quality, value, no-change)</source>
        <translation>&apos;%1&apos; no es un disparador (bad-quality, value, no-change)</translation>
    </message>
    <message>
        <source>a &lt;pair&gt; needs a name attribute</source>
        <translation>un &lt;pair&gt; necesita un atributo name</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a protocol (modbus-tcp, opcua)</source>
        <translation>&apos;%1&apos; no es un protocolo (modbus-tcp, opcua)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a connection mode (cold, warm, hot)</source>
        <translation>&apos;%1&apos; no es un modo de conexión (cold, warm, hot)</translation>
    </message>
    <message>
        <source>&lt;alias-of&gt; needs the original name</source>
        <translation>&lt;alias-of&gt; necesita el nombre original</translation>
    </message>
    <message>
        <source>the pair has no &lt;listen&gt; endpoint</source>
        <translation>el par no tiene punto final &lt;listen&gt;</translation>
    </message>
    <message>
        <source>the pair has no &lt;primary&gt; machine</source>
        <translation>el par no tiene equipo &lt;primary&gt;</translation>
    </message>
    <message>
        <source>the pair has no &lt;secondary&gt; machine</source>
        <translation>el par no tiene equipo &lt;secondary&gt;</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>no se puede leer: %1</translation>
    </message>
    <message>
        <source>is %1 bytes, larger than any configuration could be</source>
        <translation>tiene %1 bytes, más de lo que puede ocupar cualquier configuración</translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not a Tandem configuration (expected &lt;tandem&gt;)</source>
        <translation>&lt;%1&gt; no es una configuración de Tandem (se esperaba &lt;tandem&gt;)</translation>
    </message>
    <message>
        <source>&lt;tandem&gt; has no valid version attribute</source>
        <translation>&lt;tandem&gt; no tiene un atributo version válido</translation>
    </message>
    <message>
        <source>written by a newer Tandem (schema version %1; this version reads up to %2). Update Tandem; the file was left unchanged.</source>
        <translation>escrito por un Tandem más reciente (versión de esquema %1; esta versión lee hasta la %2). Actualice Tandem; el archivo no se ha modificado.</translation>
    </message>
    <message>
        <source>schema version %1 is older than any this version can read; the file was left unchanged</source>
        <translation>la versión de esquema %1 es anterior a todas las que esta versión puede leer; el archivo no se ha modificado</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>no se puede crear la carpeta %1</translation>
    </message>
    <message>
        <source>cannot be written: %1</source>
        <translation>no se puede escribir: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a way of connecting to the servers (shared, per-client)</source>
        <translation>&apos;%1&apos; no es una forma de conectarse a los servidores (shared, per-client)</translation>
    </message>
</context>
<context>
    <name>ConfigValidator</name>
    <message>
        <source>must be from %1 to %2%3 (is %4)</source>
        <translation>debe estar entre %1 y %2%3 (es %4)</translation>
    </message>
    <message>
        <source>a name is required</source>
        <translation>se necesita un nombre</translation>
    </message>
    <message>
        <source>&apos;%1&apos; starts or ends with a space</source>
        <translation>&apos;%1&apos; empieza o termina con un espacio</translation>
    </message>
    <message>
        <source>a name can have at most 128 characters</source>
        <translation>un nombre puede tener como máximo 128 caracteres</translation>
    </message>
    <message>
        <source>&apos;%1&apos; contains &apos;%2&apos;: names cannot include the characters &lt;, &gt; and &amp;</source>
        <translation>&apos;%1&apos; contiene &apos;%2&apos;: los nombres no pueden incluir los caracteres &lt;, &gt; y &amp;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; contains a control character</source>
        <translation>&apos;%1&apos; contiene un carácter de control</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address like operator@plant.example</source>
        <translation>&apos;%1&apos; no es una dirección de correo como operator@plant.example</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an SMTP server URL like smtp://mail.plant.example:587 or smtps://mail.plant.example</source>
        <translation>&apos;%1&apos; no es una URL de servidor SMTP como smtp://mail.plant.example:587 o smtps://mail.plant.example</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid host name or IP address</source>
        <translation>&apos;%1&apos; no es un nombre de host ni una dirección IP válidos</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: port must be a number from 1 to 65535</source>
        <translation>&apos;%1&apos;: el puerto debe ser un número de 1 a 65535</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: give the user name separately; the password belongs in the keychain</source>
        <translation>&apos;%1&apos;: indique el nombre de usuario por separado; la contraseña va en el llavero</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: an SMTP URL has no path</source>
        <translation>&apos;%1&apos;: una URL SMTP no tiene ruta</translation>
    </message>
    <message>
        <source>an item ID is required</source>
        <translation>se necesita un ID de elemento</translation>
    </message>
    <message>
        <source>the &apos;specific value&apos; trigger needs the value to watch for</source>
        <translation>el disparador «valor específico» necesita el valor que se vigila</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; Modbus items hold numbers</source>
        <translation>&apos;%1&apos; no es un número; los elementos Modbus contienen números</translation>
    </message>
    <message>
        <source>the &apos;no change&apos; trigger needs a time in milliseconds (is &apos;%1&apos;)</source>
        <translation>el disparador «sin cambios» necesita un tiempo en milisegundos (es &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>must be at least twice the update rate, %1 ms (is %2)</source>
        <translation>debe ser al menos el doble de la velocidad de actualización, %1 ms (es %2)</translation>
    </message>
    <message>
        <source>must be at most %1 ms (is %2)</source>
        <translation>debe ser como máximo %1 ms (es %2)</translation>
    </message>
    <message>
        <source>Cold mode does not support &quot;Always reconnect to primary machine&quot;; choose Warm or Hot, or turn the option off</source>
        <translation>El modo Cold no admite «Reconectar siempre al equipo primario»; elija Warm o Hot, o desactive la opción</translation>
    </message>
    <message>
        <source>the status timeout (%1 ms) must not be longer than the status interval (%2 ms)</source>
        <translation>el tiempo de espera de estado (%1 ms) no debe ser mayor que el intervalo de estado (%2 ms)</translation>
    </message>
    <message>
        <source>at most %1 monitor items per pair</source>
        <translation>como máximo %1 elementos de supervisión por par</translation>
    </message>
    <message>
        <source>must be from 1 to the number of monitor items, %1 (is %2)</source>
        <translation>debe estar entre 1 y el número de elementos de supervisión, %1 (es %2)</translation>
    </message>
    <message>
        <source>a user name is for OPC UA pairs only; Modbus TCP has no log-in</source>
        <translation>un nombre de usuario es solo para pares OPC UA; Modbus TCP no tiene inicio de sesión</translation>
    </message>
    <message>
        <source>the user name &apos;%1&apos; starts or ends with blanks or holds a line break</source>
        <translation>el nombre de usuario &apos;%1&apos; empieza o termina con espacios o contiene un salto de línea</translation>
    </message>
    <message>
        <source>the name &apos;%1&apos; is used by two pairs</source>
        <translation>el nombre &apos;%1&apos; lo usan dos pares</translation>
    </message>
    <message>
        <source>endpoint %1 is already used by pair &apos;%2&apos;</source>
        <translation>el punto final %1 ya lo usa el par &apos;%2&apos;</translation>
    </message>
    <message>
        <source>e-mail is enabled but no primary SMTP server is set</source>
        <translation>el correo está activado pero no hay servidor SMTP primario</translation>
    </message>
    <message>
        <source>e-mail is enabled but no sender (From) is set</source>
        <translation>el correo está activado pero no hay remitente (De)</translation>
    </message>
    <message>
        <source>e-mail is enabled but there is no recipient (To)</source>
        <translation>el correo está activado pero no hay destinatario (Para)</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: give the CA file as an absolute path</source>
        <translation>&apos;%1&apos;: indique el archivo de CA como ruta absoluta</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known event id</source>
        <translation>&apos;%1&apos; no es un ID de evento conocido</translation>
    </message>
    <message>
        <source>the backup directory &apos;%1&apos; is not an absolute path</source>
        <translation>el directorio de copias de seguridad &apos;%1&apos; no es una ruta absoluta</translation>
    </message>
    <message>
        <source>security policies are for OPC UA pairs only</source>
        <translation>las directivas de seguridad son solo para pares OPC UA</translation>
    </message>
    <message>
        <source>the security policy %1 is deprecated: allow deprecated policies for this pair to use it</source>
        <translation>la directiva de seguridad %1 está obsoleta: permita las directivas obsoletas en este par para usarla</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a certificate thumbprint (40 hexadecimal digits, SHA-1)</source>
        <translation>&apos;%1&apos; no es una huella de certificado (40 dígitos hexadecimales, SHA-1)</translation>
    </message>
    <message>
        <source>an expected server certificate needs a security policy other than None</source>
        <translation>un certificado de servidor esperado necesita una directiva de seguridad distinta de None</translation>
    </message>
    <message>
        <source>the endpoint must offer at least one security policy</source>
        <translation>el punto de conexión debe ofrecer al menos una directiva de seguridad</translation>
    </message>
    <message>
        <source>the deprecated security policy %1 is not offered to clients; choose Basic256Sha256 or newer</source>
        <translation>la directiva de seguridad obsoleta %1 no se ofrece a los clientes; elija Basic256Sha256 o una más reciente</translation>
    </message>
    <message>
        <source>the pair has no user to accept: give it one, or accept the OPC UA users instead</source>
        <translation>el par no tiene ningún usuario que aceptar: asígnele uno, o acepte en su lugar los usuarios OPC UA</translation>
    </message>
</context>
<context>
    <name>ControlServer</name>
    <message>
        <source>another Tandem engine is already running with the state directory %1 (socket %2)</source>
        <translation>ya se está ejecutando otro motor Tandem con el directorio de estado %1 (socket %2)</translation>
    </message>
    <message>
        <source>cannot open the control socket %1: %2</source>
        <translation>no se puede abrir el socket de control %1: %2</translation>
    </message>
    <message>
        <source>not a JSON object: %1</source>
        <translation>no es un objeto JSON: %1</translation>
    </message>
    <message>
        <source>no Tandem engine is running with the state directory %1 (%2)</source>
        <translation>no hay ningún motor Tandem en ejecución con el directorio de estado %1 (%2)</translation>
    </message>
    <message>
        <source>the engine did not answer within %1 ms</source>
        <translation>el motor no respondió en %1 ms</translation>
    </message>
    <message>
        <source>the engine sent an answer that is not JSON</source>
        <translation>el motor envió una respuesta que no es JSON</translation>
    </message>
    <message>
        <source>another Tandem engine may be running with the state directory %1: its socket %2 is not accessible to this user (for the system service, join the group tandem)</source>
        <translation>puede que otro motor Tandem se esté ejecutando con el directorio de estado %1: su socket %2 no es accesible para este usuario (para el servicio del sistema, únase al grupo tandem)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs the administrator role (root, the user the engine runs as, or a member of the group tandem-admin); %2 (uid %3) has the %4 role</source>
        <translation>&apos;%1&apos; requiere el rol de administrador (root, el usuario con el que se ejecuta el motor o un miembro del grupo tandem-admin); %2 (UID %3) tiene el rol %4</translation>
    </message>
    <message>
        <source>%1 (uid %2) may not use this engine: join the group tandem (or tandem-admin)</source>
        <translation>%1 (UID %2) no puede usar este motor: únase al grupo tandem (o tandem-admin)</translation>
    </message>
</context>
<context>
    <name>DataType</name>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
</context>
<context>
    <name>DurableFile</name>
    <message>
        <source>cannot sync the folder %1: %2</source>
        <translation>no se puede sincronizar la carpeta %1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>cannot remove %1: %2</source>
        <translation>no se puede eliminar %1: %2</translation>
    </message>
    <message>
        <source>cannot rename %1: %2</source>
        <translation>no se puede renombrar %1: %2</translation>
    </message>
    <message>
        <source>cannot wipe %1: %2</source>
        <translation>no se puede borrar %1: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 está dañado: %2</translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <source>&apos;%1&apos; has an opening &apos;[&apos; without a closing &apos;]&apos;</source>
        <translation>&apos;%1&apos; tiene un &apos;[&apos; de apertura sin &apos;]&apos; de cierre</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: expected &apos;:PORT&apos; after &apos;]&apos;</source>
        <translation>&apos;%1&apos;: se esperaba &apos;:PUERTO&apos; después de &apos;]&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: write IPv6 addresses in brackets, like [::1]:502</source>
        <translation>&apos;%1&apos;: escriba las direcciones IPv6 entre corchetes, como [::1]:502</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: port must be a number from 1 to 65535</source>
        <translation>&apos;%1&apos;: el puerto debe ser un número de 1 a 65535</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no host name or address</source>
        <translation>&apos;%1&apos; no tiene nombre de host ni dirección</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid host name or IP address</source>
        <translation>&apos;%1&apos; no es un nombre de host ni una dirección IP válidos</translation>
    </message>
    <message>
        <source>no machine given: enter a host name or IP address</source>
        <translation>no se ha indicado ningún equipo: introduzca un nombre de host o una dirección IP</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an OPC UA machine: write host[:port][/path] or opc.tcp://host[:port][/path]</source>
        <translation>&apos;%1&apos; no es un equipo OPC UA: escriba host[:puerto][/ruta] u opc.tcp://host[:puerto][/ruta]</translation>
    </message>
    <message>
        <source>no endpoint given: clients need an address and port to connect to</source>
        <translation>no se ha indicado ningún punto final: los clientes necesitan una dirección y un puerto a los que conectarse</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no port: write ADDRESS:PORT, like 127.0.0.1:1502</source>
        <translation>&apos;%1&apos; no tiene puerto: escriba DIRECCIÓN:PUERTO, como 127.0.0.1:1502</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an OPC UA URL like opc.tcp://localhost:4841/line1</source>
        <translation>&apos;%1&apos; no es una URL OPC UA como opc.tcp://localhost:4841/line1</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the path must not contain spaces, control characters, &apos;?&apos; or &apos;#&apos;</source>
        <translation>&apos;%1&apos;: la ruta no debe contener espacios, caracteres de control, &apos;?&apos; ni &apos;#&apos;</translation>
    </message>
</context>
<context>
    <name>GraceSeal</name>
    <message>
        <source>%1 is missing</source>
        <translation>falta %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is damaged</source>
        <translation>%1 está dañado</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>no se puede crear %1: %2</translation>
    </message>
    <message>
        <source>the Computer ID is unknown</source>
        <translation>el ID de equipo es desconocido</translation>
    </message>
    <message>
        <source>it is not sealed</source>
        <translation>no está sellado</translation>
    </message>
    <message>
        <source>its seal does not match</source>
        <translation>su sello no coincide</translation>
    </message>
</context>
<context>
    <name>ItemAddress</name>
    <message>
        <source>&apos;%1&apos;: the unit before &apos;:&apos; must be a number from 0 to 255</source>
        <translation>&apos;%1&apos;: la unidad antes de &apos;:&apos; debe ser un número de 0 a 255</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Modbus reference: write [UNIT:]Txxxxx, T = 0 coil, 1 discrete input, 3 input register, 4 holding register (e.g. 400001 or 2:300010)</source>
        <translation>&apos;%1&apos; no es una referencia Modbus: escriba [UNIDAD:]Txxxxx, T = 0 coil, 1 entrada discreta, 3 registro de entrada, 4 registro de retención (p. ej. 400001 o 2:300010)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the first digit must be 0, 1, 3 or 4 (coil, discrete input, input register, holding register)</source>
        <translation>&apos;%1&apos;: el primer dígito debe ser 0, 1, 3 o 4 (coil, entrada discreta, registro de entrada, registro de retención)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the reference after the table digit must be from 1 to 65536</source>
        <translation>&apos;%1&apos;: la referencia tras el dígito de tabla debe estar entre 1 y 65536</translation>
    </message>
    <message>
        <source>coils and discrete inputs hold single bits: use data type Default or Boolean, not %1</source>
        <translation>los coils y las entradas discretas contienen bits sueltos: use el tipo de datos Default o Boolean, no %1</translation>
    </message>
    <message>
        <source>a %1 at %2 would run past the last address 65536</source>
        <translation>un %1 en %2 sobrepasaría la última dirección, 65536</translation>
    </message>
</context>
<context>
    <name>LicenseFile</name>
    <message>
        <source>%1 holds a serial number that is not valid: %2</source>
        <translation>%1 contiene un número de serie no válido: %2</translation>
    </message>
    <message>
        <source>the stored unlock password does not fit this computer (Computer ID %1); unlock the license again</source>
        <translation>la contraseña de desbloqueo guardada no corresponde a este equipo (ID de equipo %1); desbloquee la licencia de nuevo</translation>
    </message>
    <message>
        <source>%1; move the file away to enter a new serial number</source>
        <translation>%1; aparte el archivo para introducir un nuevo número de serie</translation>
    </message>
    <message>
        <source>this serial number is installed already</source>
        <translation>este número de serie ya está instalado</translation>
    </message>
    <message>
        <source>a license (serial no. %1) is installed on this computer already; transfer it away first so that it is not lost</source>
        <translation>ya hay una licencia (n.º de serie %1) instalada en este equipo; transfiérala antes a otro para no perderla</translation>
    </message>
    <message>
        <source>enter a serial number first (Help › Purchase a License)</source>
        <translation>introduzca primero un número de serie (Ayuda › Comprar una licencia)</translation>
    </message>
    <message>
        <source>the start of the grace period in %1 was changed, or the license was copied from another computer or folder (%2): the grace period has ended; unlock the license (Help › Unlock a License)</source>
        <translation>el inicio del periodo de gracia en %1 se ha modificado, o la licencia se ha copiado de otro equipo o carpeta (%2): el periodo de gracia ha terminado; desbloquee la licencia (Ayuda › Desbloquear una licencia)</translation>
    </message>
    <message>
        <source>its start is missing</source>
        <translation>falta su inicio</translation>
    </message>
</context>
<context>
    <name>LicenseStatus</name>
    <message>
        <source>Demo: full function for 2 hours per engine start</source>
        <translation>Demo: funcionalidad completa durante 2 horas por cada inicio del motor</translation>
    </message>
    <message numerus="yes">
        <source>Licensed (%1 pair(s), %2 edition, serial no. %3): %n day(s) left to unlock</source>
        <translation>
            <numerusform>Con licencia (%1 par(es), edición %2, n.º de serie %3): queda %n día para desbloquear</numerusform>
            <numerusform>Con licencia (%1 par(es), edición %2, n.º de serie %3): quedan %n días para desbloquear</numerusform>
        </translation>
    </message>
    <message>
        <source>Licensed but not unlocked within %1 days: demo limits apply until it is unlocked</source>
        <translation>Con licencia pero sin desbloquear en %1 días: se aplican los límites de la demo hasta que se desbloquee</translation>
    </message>
    <message numerus="yes">
        <source>Unlocked (%n pair(s), %1 edition, serial no. %2)</source>
        <translation>
            <numerusform>Desbloqueada (%n par, edición %1, n.º de serie %2)</numerusform>
            <numerusform>Desbloqueada (%n pares, edición %1, n.º de serie %2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LicenseTransfer</name>
    <message>
        <source>%1 reads back differently from what was written: the media is faulty</source>
        <translation>%1 se lee distinto de lo que se escribió: el soporte está defectuoso</translation>
    </message>
    <message>
        <source>%1 does not exist: is the media inserted and mounted?</source>
        <translation>%1 no existe: ¿está el soporte insertado y montado?</translation>
    </message>
    <message>
        <source>The media holds a license for the computer %1.</source>
        <translation>El soporte contiene una licencia para el equipo %1.</translation>
    </message>
    <message>
        <source>The media was prepared by the computer %1; a transfer to it is unfinished.</source>
        <translation>El soporte lo preparó el equipo %1; hay una transferencia a él sin terminar.</translation>
    </message>
    <message>
        <source>The media was prepared by the computer %1 and waits for the license.</source>
        <translation>El soporte lo preparó el equipo %1 y espera la licencia.</translation>
    </message>
    <message>
        <source>The media holds no license transfer yet.</source>
        <translation>El soporte aún no contiene ninguna transferencia de licencia.</translation>
    </message>
    <message>
        <source>this computer holds a license already (serial no. %1); a second one would be lost here</source>
        <translation>este equipo ya tiene una licencia (n.º de serie %1); una segunda se perdería aquí</translation>
    </message>
    <message>
        <source>the media at %1 holds a license for the computer %2: install it there first (Step 4) or use other media</source>
        <translation>el soporte en %1 contiene una licencia para el equipo %2: instálela primero allí (paso 4) o use otro soporte</translation>
    </message>
    <message>
        <source>cannot create %1 on the media</source>
        <translation>no se puede crear %1 en el soporte</translation>
    </message>
    <message>
        <source>this computer holds no license to transfer</source>
        <translation>este equipo no tiene ninguna licencia que transferir</translation>
    </message>
    <message>
        <source>the media at %1 was not prepared: prepare it on the target computer first (Step 2)</source>
        <translation>el soporte en %1 no está preparado: prepárelo primero en el equipo de destino (paso 2)</translation>
    </message>
    <message>
        <source>%1 is damaged: prepare the media again on the target computer</source>
        <translation>%1 está dañado: vuelva a preparar el soporte en el equipo de destino</translation>
    </message>
    <message>
        <source>the media was prepared on this computer: take it to the target computer and prepare it there (Step 2)</source>
        <translation>el soporte se preparó en este equipo: llévelo al equipo de destino y prepárelo allí (paso 2)</translation>
    </message>
    <message>
        <source>the media holds a license for the computer %1 already: install it there first (Step 4)</source>
        <translation>el soporte ya contiene una licencia para el equipo %1: instálela primero allí (paso 4)</translation>
    </message>
    <message>
        <source>%1; the license stays on this computer</source>
        <translation>%1; la licencia permanece en este equipo</translation>
    </message>
    <message>
        <source>%1 is gone. %2</source>
        <translation>%1 ya no está. %2</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>An interrupted transfer to %1 was undone; the license stays on this computer.</source>
        <translation>Se ha deshecho una transferencia interrumpida a %1; la licencia permanece en este equipo.</translation>
    </message>
    <message>
        <source>An interrupted transfer to %1 was finished: the license is on the media, ready for the target computer (Step 4).</source>
        <translation>Se ha completado una transferencia interrumpida a %1: la licencia está en el soporte, lista para el equipo de destino (paso 4).</translation>
    </message>
    <message>
        <source>no transfer out of this computer is unfinished</source>
        <translation>no hay ninguna transferencia desde este equipo sin terminar</translation>
    </message>
    <message>
        <source>this computer holds a license already (serial no. %1); it would be lost</source>
        <translation>este equipo ya tiene una licencia (n.º de serie %1); se perdería</translation>
    </message>
    <message>
        <source>the transfer on the source computer is not finished: take the media back there and run Step 3 again</source>
        <translation>la transferencia en el equipo de origen no ha terminado: lleve el soporte de vuelta allí y repita el paso 3</translation>
    </message>
    <message>
        <source>the media holds no license yet: take it to the source computer (Step 3)</source>
        <translation>el soporte aún no contiene ninguna licencia: llévelo al equipo de origen (paso 3)</translation>
    </message>
    <message>
        <source>there is no Tandem license media in %1</source>
        <translation>no hay ningún soporte de licencia de Tandem en %1</translation>
    </message>
    <message>
        <source>this license media was prepared for the computer %1, and this computer (%2) holds no matching key: it did not prepare it, or it installed the license from it already</source>
        <translation>este soporte de licencia se preparó para el equipo %1, y este equipo (%2) no tiene la clave correspondiente: no lo preparó, o ya instaló la licencia desde él</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(desconocido)</translation>
    </message>
    <message>
        <source>this license media was prepared for the computer %1, not for this one (%2); a copy of license media is of no use on another computer</source>
        <translation>este soporte de licencia se preparó para el equipo %1, no para este (%2); una copia de un soporte de licencia no sirve en otro equipo</translation>
    </message>
    <message>
        <source>this license media answers an older preparation of this computer; prepare new media (Step 2) and transfer again</source>
        <translation>este soporte de licencia responde a una preparación anterior de este equipo; prepare un soporte nuevo (paso 2) y vuelva a transferir</translation>
    </message>
    <message>
        <source>the license on the media is not valid: %1</source>
        <translation>la licencia del soporte no es válida: %1</translation>
    </message>
    <message>
        <source>The license from %1 is installed.</source>
        <translation>La licencia de %1 está instalada.</translation>
    </message>
    <message>
        <source>The transfer of the license to the media at %1 is unfinished: insert the media and transfer again to finish it, or cancel the transfer to keep the license on this computer.</source>
        <translation>La transferencia de la licencia al soporte en %1 no ha terminado: inserte el soporte y vuelva a transferir para completarla, o cancele la transferencia para conservar la licencia en este equipo.</translation>
    </message>
    <message>
        <source>the transfer journal is damaged</source>
        <translation>el registro de la transferencia está dañado</translation>
    </message>
    <message>
        <source>the license in %1 was copied from another computer or folder, or changed: it can be transferred only from where it was installed</source>
        <translation>la licencia en %1 se ha copiado de otro equipo o carpeta, o se ha modificado: solo puede transferirse desde donde se instaló</translation>
    </message>
    <message>
        <source>%1 is damaged</source>
        <translation>%1 está dañado</translation>
    </message>
    <message>
        <source>the license may already be armed on the media at %1, or on a copy of it, so it can no longer be taken back: insert the media and transfer out again to finish, then install it on the target computer %2 (Step 4)</source>
        <translation>puede que la licencia ya esté activada en el soporte de %1, o en una copia de él, así que ya no puede recuperarse: inserte el soporte y vuelva a transferir para terminar; luego instálela en el equipo de destino %2 (paso 4)</translation>
    </message>
    <message>
        <source>The transfer of the license to the media at %1 is unfinished: insert the media and transfer again to finish it. The license may be armed on the media already, so it can no longer be taken back.</source>
        <translation>La transferencia de la licencia al soporte de %1 no ha terminado: inserte el soporte y vuelva a transferir para terminarla. Puede que la licencia ya esté activada en el soporte, así que ya no puede recuperarse.</translation>
    </message>
</context>
<context>
    <name>MachineState</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); every pair starts disabled</source>
        <translation>%1 está dañado (%2); todos los pares se inician desactivados</translation>
    </message>
    <message>
        <source>cannot create the state folder %1</source>
        <translation>no se puede crear la carpeta de estado %1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>ModbusLink</name>
    <message>
        <source>exception 0x01 (illegal function)</source>
        <translation>excepción 0x01 (función no válida)</translation>
    </message>
    <message>
        <source>exception 0x02 (illegal data address)</source>
        <translation>excepción 0x02 (dirección de datos no válida)</translation>
    </message>
    <message>
        <source>exception 0x03 (illegal data value)</source>
        <translation>excepción 0x03 (valor de datos no válido)</translation>
    </message>
    <message>
        <source>exception 0x04 (server device failure)</source>
        <translation>excepción 0x04 (fallo del dispositivo servidor)</translation>
    </message>
    <message>
        <source>exception 0x0A (gateway path unavailable)</source>
        <translation>excepción 0x0A (ruta de pasarela no disponible)</translation>
    </message>
    <message>
        <source>exception 0x0B (gateway target device failed to respond)</source>
        <translation>excepción 0x0B (el dispositivo de destino de la pasarela no responde)</translation>
    </message>
    <message>
        <source>exception 0x%1</source>
        <translation>excepción 0x%1</translation>
    </message>
    <message>
        <source>no connection within the status timeout</source>
        <translation>sin conexión dentro del tiempo de espera de estado</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>conexión cerrada</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>no conectado</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>sin respuesta a tiempo</translation>
    </message>
    <message>
        <source>malformed answer: %1</source>
        <translation>respuesta mal formada: %1</translation>
    </message>
    <message>
        <source>no answer to the status query within %1 ms</source>
        <translation>sin respuesta a la consulta de estado en %1 ms</translation>
    </message>
    <message>
        <source>discarded by the server after an exception</source>
        <translation>descartada por el servidor tras una excepción</translation>
    </message>
</context>
<context>
    <name>OpcUaIdentity</name>
    <message>
        <source>&apos;%1&apos; is not yes or no</source>
        <translation>«%1» no es yes ni no</translation>
    </message>
    <message>
        <source>unknown attribute &apos;%1&apos;</source>
        <translation>atributo desconocido «%1»</translation>
    </message>
    <message>
        <source>a user name is for OPC UA pairs only; Modbus TCP has no log-in</source>
        <translation>un nombre de usuario es solo para pares OPC UA; Modbus TCP no tiene inicio de sesión</translation>
    </message>
    <message>
        <source>the user name &apos;%1&apos; starts or ends with blanks or holds a line break</source>
        <translation>el nombre de usuario «%1» empieza o termina con espacios o contiene un salto de línea</translation>
    </message>
    <message>
        <source>the endpoint accepts no identity at all: allow anonymous clients, the OPC UA users, the pair&apos;s user or user certificates</source>
        <translation>el punto de conexión no acepta ninguna identidad: permita clientes anónimos, los usuarios OPC UA, el usuario del par o certificados de usuario</translation>
    </message>
</context>
<context>
    <name>OpcUaUserStore</name>
    <message>
        <source>the user %1 has no list of pairs</source>
        <translation>el usuario %1 no tiene lista de pares</translation>
    </message>
    <message>
        <source>the user %1 has no valid password hash</source>
        <translation>el usuario %1 no tiene un hash de contraseña válido</translation>
    </message>
    <message>
        <source>%1 is damaged: it is not a list of OPC UA users of version %2</source>
        <translation>%1 está dañado: no es una lista de usuarios OPC UA de la versión %2</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 está dañado: %2</translation>
    </message>
    <message>
        <source>there is no OPC UA user named &apos;%1&apos; in %2</source>
        <translation>no hay ningún usuario OPC UA llamado «%1» en %2</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>no se puede crear la carpeta de %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a user name: 1 to %2 printable characters, without blanks at either end</source>
        <translation>«%1» no es un nombre de usuario: de 1 a %2 caracteres imprimibles, sin espacios al principio ni al final</translation>
    </message>
    <message>
        <source>a password must have %1 to %2 bytes</source>
        <translation>una contraseña debe tener de %1 a %2 bytes</translation>
    </message>
    <message>
        <source>hashing the password failed (out of memory)</source>
        <translation>el hash de la contraseña falló (sin memoria)</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>it is damaged or not a Tandem outbox; it was moved to %1 and a new one started</source>
        <translation>está dañado o no es una bandeja de salida de Tandem; se ha movido a %1 y se ha creado una nueva</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>no se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>cannot write to %1: %2</source>
        <translation>no se puede escribir en %1: %2</translation>
    </message>
</context>
<context>
    <name>PairStatus</name>
    <message>
        <source>the engine&apos;s status has no valid &apos;%1&apos; (is the engine of another version of Tandem?)</source>
        <translation>el estado del motor no tiene un &apos;%1&apos; válido (¿es el motor de otra versión de Tandem?)</translation>
    </message>
    <message>
        <source>the engine&apos;s status has &apos;%1&apos; as &apos;%2&apos;, which this version of Tandem does not know</source>
        <translation>el estado del motor tiene &apos;%1&apos; como &apos;%2&apos;, que esta versión de Tandem no conoce</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>en buen estado</translation>
    </message>
    <message>
        <source>healthy, monitor items not tested yet</source>
        <translation>en buen estado, elementos de supervisión aún sin probar</translation>
    </message>
    <message>
        <source>connected, degraded: %1</source>
        <translation>conectado, degradado: %1</translation>
    </message>
    <message numerus="yes">
        <source>connected, %n monitor item(s) in error</source>
        <translation>
            <numerusform>conectado, %n elemento de supervisión con error</numerusform>
            <numerusform>conectado, %n elementos de supervisión con error</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <source>connected (pass-through)</source>
        <translation>conectado (paso directo)</translation>
    </message>
    <message>
        <source>shutting down: %1</source>
        <translation>apagándose: %1</translation>
    </message>
    <message>
        <source>shutting down</source>
        <translation>apagándose</translation>
    </message>
    <message>
        <source>lost: %1</source>
        <translation>perdido: %1</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdido</translation>
    </message>
    <message>
        <source>not connected: %1</source>
        <translation>no conectado: %1</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>no conectado</translation>
    </message>
    <message>
        <source>%1 (last failure: %2)</source>
        <translation>%1 (último fallo: %2)</translation>
    </message>
    <message>
        <source>primary (%1)</source>
        <translation>equipo primario (%1)</translation>
    </message>
    <message>
        <source>secondary (%1)</source>
        <translation>equipo secundario (%1)</translation>
    </message>
    <message>
        <source>none: no server is available</source>
        <translation>ninguno: no hay ningún servidor disponible</translation>
    </message>
    <message>
        <source>%1, pass-through (redundancy disabled)</source>
        <translation>%1, paso directo (redundancia desactivada)</translation>
    </message>
    <message>
        <source>%1, held by the operator</source>
        <translation>%1, fijado por el operador</translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <source>no password is stored in the keychain</source>
        <translation>no hay ninguna contraseña guardada en el llavero</translation>
    </message>
    <message>
        <source>the system keychain is not available (%1); start a Secret Service such as gnome-keyring in this session</source>
        <translation>el llavero del sistema no está disponible (%1); inicie un Secret Service como gnome-keyring en esta sesión</translation>
    </message>
</context>
<context>
    <name>PkiStore</name>
    <message>
        <source>cannot create the folder %1: %2</source>
        <translation>no se puede crear la carpeta %1: %2</translation>
    </message>
    <message>
        <source>cannot read the folder %1: %2</source>
        <translation>no se puede leer la carpeta %1: %2</translation>
    </message>
    <message>
        <source>%1 is a link; Tandem keeps its private key only in a real folder</source>
        <translation>%1 es un enlace; Tandem guarda su clave privada solo en una carpeta real</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 no es una carpeta</translation>
    </message>
    <message>
        <source>cannot restrict the folder %1 to its owner: %2</source>
        <translation>no se puede restringir la carpeta %1 a su propietario: %2</translation>
    </message>
    <message>
        <source>cannot create the state directory %1</source>
        <translation>no se puede crear el directorio de estado %1</translation>
    </message>
    <message>
        <source>%1 is neither a certificate file nor a SHA-1 thumbprint</source>
        <translation>%1 no es ni un archivo de certificado ni una huella SHA-1</translation>
    </message>
    <message>
        <source>no certificate with the thumbprint %1 in %2</source>
        <translation>ningún certificado con la huella %1 en %2</translation>
    </message>
    <message>
        <source>%1 is no CA certificate (its basicConstraints do not say cA), so it cannot issue others</source>
        <translation>%1 no es un certificado de CA (sus basicConstraints no dicen cA), así que no puede emitir otros</translation>
    </message>
    <message>
        <source>no CA in trusted or issuers signed the revocation list of %1</source>
        <translation>ninguna CA de trusted o issuers firmó la lista de revocación de %1</translation>
    </message>
    <message>
        <source>no trusted or issuer certificate has the thumbprint %1</source>
        <translation>ningún certificado de confianza o de emisor tiene la huella %1</translation>
    </message>
    <message>
        <source>%1 is no SHA-1 thumbprint</source>
        <translation>%1 no es una huella SHA-1</translation>
    </message>
    <message>
        <source>no certificate has the thumbprint %1</source>
        <translation>ningún certificado tiene la huella %1</translation>
    </message>
</context>
<context>
    <name>PrivateKey</name>
    <message>
        <source>cannot make an RSA key of %1 bits: %2</source>
        <translation>no se puede generar una clave RSA de %1 bits: %2</translation>
    </message>
    <message>
        <source>the private key is encrypted: give its password</source>
        <translation>la clave privada está cifrada: indique su contraseña</translation>
    </message>
    <message>
        <source>the private key&apos;s password is wrong</source>
        <translation>la contraseña de la clave privada es incorrecta</translation>
    </message>
    <message>
        <source>not a private key (%1)</source>
        <translation>no es una clave privada (%1)</translation>
    </message>
</context>
<context>
    <name>ProxyMethods</name>
    <message>
        <source>no pair runs behind this endpoint</source>
        <translation>ningún par funciona detrás de este punto de conexión</translation>
    </message>
</context>
<context>
    <name>RememberedPrompt</name>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>No volver a preguntar</translation>
    </message>
</context>
<context>
    <name>RemovableMedia</name>
    <message>
        <source>read-only</source>
        <translation>solo lectura</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 libres</translation>
    </message>
</context>
<context>
    <name>RevocationList</name>
    <message>
        <source>not a certificate revocation list</source>
        <translation>no es una lista de revocación de certificados</translation>
    </message>
    <message>
        <source>not a certificate revocation list (%1)</source>
        <translation>no es una lista de revocación de certificados (%1)</translation>
    </message>
</context>
<context>
    <name>SecuritySetting</name>
    <message>
        <source>&quot;%1&quot; is not a security setting: write POLICY:MODE, e.g. Basic256Sha256:SignAndEncrypt or None:None</source>
        <translation>«%1» no es una configuración de seguridad: escriba POLÍTICA:MODO, p. ej. Basic256Sha256:SignAndEncrypt o None:None</translation>
    </message>
    <message>
        <source>unknown security policy &quot;%1&quot; in &quot;%2&quot;; known policies: %3</source>
        <translation>política de seguridad desconocida «%1» en «%2»; políticas conocidas: %3</translation>
    </message>
    <message>
        <source>unknown security mode &quot;%1&quot; in &quot;%2&quot;; known modes: %3</source>
        <translation>modo de seguridad desconocido «%1» en «%2»; modos conocidos: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the security policy None goes only with the mode None</source>
        <translation>«%1»: la política de seguridad None solo va con el modo None</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the security policy %2 needs the mode Sign or SignAndEncrypt</source>
        <translation>«%1»: la política de seguridad %2 necesita el modo Sign o SignAndEncrypt</translation>
    </message>
    <message>
        <source>empty entry in the security settings &quot;%1&quot;</source>
        <translation>entrada vacía en la configuración de seguridad «%1»</translation>
    </message>
    <message>
        <source>the security setting %1 is listed twice</source>
        <translation>la configuración de seguridad %1 aparece dos veces</translation>
    </message>
</context>
<context>
    <name>Serial</name>
    <message>
        <source>this is not a Tandem serial number (it has %1 characters of 0-9 and A-Z in groups of five; check for a missing or extra group)</source>
        <translation>no es un número de serie de Tandem (tiene %1 caracteres de 0-9 y A-Z en grupos de cinco; compruebe si falta o sobra un grupo)</translation>
    </message>
    <message>
        <source>the serial number is not valid: a character is wrong, or it was not issued for this product</source>
        <translation>el número de serie no es válido: hay un carácter erróneo o no se emitió para este producto</translation>
    </message>
    <message>
        <source>the serial number is for a newer version of Tandem</source>
        <translation>el número de serie es para una versión más reciente de Tandem</translation>
    </message>
</context>
<context>
    <name>ServiceCredentials</name>
    <message>
        <source>the service has no credential %1 in %2: as root, set the password with tandemctl&apos;s --password-stdin and restart the service</source>
        <translation>El servicio no tiene la credencial %1 en %2: como root, establezca la contraseña con --password-stdin de tandemctl y reinicie el servicio</translation>
    </message>
    <message>
        <source>cannot read the credential %1: %2</source>
        <translation>No se puede leer la credencial %1: %2</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>No se puede ejecutar %1: %2</translation>
    </message>
    <message>
        <source>%1 encrypt failed: %2</source>
        <translation>%1 encrypt ha fallado: %2</translation>
    </message>
    <message>
        <source>%1 decrypt %2 failed: %3</source>
        <translation>%1 decrypt %2 ha fallado: %3</translation>
    </message>
</context>
<context>
    <name>ServiceInstaller</name>
    <message>
        <source>cannot run %1: %2</source>
        <translation>no se puede ejecutar %1: %2</translation>
    </message>
    <message>
        <source>%1 did not finish within %2 s</source>
        <translation>%1 no terminó en %2 s</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2)%3</source>
        <translation>%1 falló (código de salida %2)%3</translation>
    </message>
    <message>
        <source>kept the existing %1 (not overwritten)</source>
        <translation>se ha conservado el %1 existente (no se ha sobrescrito)</translation>
    </message>
    <message>
        <source>%1 not created: there is no %2 to start from</source>
        <translation>%1 no se ha creado: no existe %2 como punto de partida</translation>
    </message>
    <message>
        <source>copied %1 to %2</source>
        <translation>se ha copiado %1 en %2</translation>
    </message>
    <message>
        <source>systemd is not running on this machine; use --unit-only to write the unit file only</source>
        <translation>systemd no se está ejecutando en este equipo; use --unit-only para escribir solo el archivo de unidad</translation>
    </message>
    <message>
        <source>the engine %1 is not there or not executable</source>
        <translation>el motor %1 no existe o no es ejecutable</translation>
    </message>
    <message>
        <source>%1 exists and differs from the unit Tandem writes (edited by hand, or another tandemd); --force replaces it and keeps the old one as %2</source>
        <translation>%1 existe y difiere de la unidad que escribe Tandem (editada a mano, u otro tandemd); --force la sustituye y conserva la anterior como %2</translation>
    </message>
    <message>
        <source>another Tandem engine is running with the state directory %1 (the console, or a tandemd started by hand); stop it first so the service can take over</source>
        <translation>otro motor Tandem se está ejecutando con el directorio de estado %1 (la consola o un tandemd iniciado a mano); deténgalo primero para que el servicio pueda tomar el relevo</translation>
    </message>
    <message>
        <source>%1 is already installed and unchanged</source>
        <translation>%1 ya está instalado y sin cambios</translation>
    </message>
    <message>
        <source>the previous unit differed; it is kept as %1</source>
        <translation>la unidad anterior era distinta; se conserva como %1</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>se ha escrito %1</translation>
    </message>
    <message>
        <source>nothing started (--unit-only); to start the service once systemd runs: %1</source>
        <translation>no se ha iniciado nada (--unit-only); para iniciar el servicio cuando systemd se ejecute: %1</translation>
    </message>
    <message>
        <source>tandemd.service is enabled and started; it runs %1 at every boot</source>
        <translation>tandemd.service está activado e iniciado; ejecuta %1 en cada arranque</translation>
    </message>
    <message>
        <source>tandemd.service is enabled and started; it runs %1 whenever you log in</source>
        <translation>tandemd.service está activado e iniciado; ejecuta %1 cada vez que usted inicia sesión</translation>
    </message>
    <message>
        <source>there is no %1 to remove (%2 is not installed as a %3 service)</source>
        <translation>no existe %1 que eliminar (%2 no está instalado como servicio %3)</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>se ha eliminado %1</translation>
    </message>
    <message>
        <source>tandemd.service is stopped and disabled</source>
        <translation>tandemd.service está detenido y desactivado</translation>
    </message>
    <message>
        <source>systemd is not running on this machine: nothing was stopped</source>
        <translation>systemd no se está ejecutando en este equipo: no se ha detenido nada</translation>
    </message>
    <message>
        <source>the configuration %1 and the state in %2 are left in place</source>
        <translation>la configuración %1 y el estado en %2 se conservan</translation>
    </message>
    <message>
        <source>the engine %1 is not there or not executable (install the tandem package: a system service runs only the installed engine)</source>
        <translation>El motor %1 no existe o no es ejecutable (instale el paquete tandem: un servicio del sistema solo ejecuta el motor instalado)</translation>
    </message>
    <message>
        <source>%1 belongs to the user id %2, not to root: a system service runs only an engine root owns</source>
        <translation>%1 pertenece al ID de usuario %2, no a root: un servicio del sistema solo ejecuta un motor que pertenezca a root</translation>
    </message>
    <message>
        <source>%1 may be written by others than root (mode %2): a system service runs only an engine root owns</source>
        <translation>%1 puede ser escrito por otros además de root (modo %2): un servicio del sistema solo ejecuta un motor que pertenezca a root</translation>
    </message>
    <message>
        <source>the engine %1 is not safe to run as a service: %2</source>
        <translation>El motor %1 no es seguro para ejecutarse como servicio: %2</translation>
    </message>
    <message>
        <source>user %1 and groups %2, %3 not checked: files go under %4, not this system</source>
        <translation>Usuario %1 y grupos %2, %3 no comprobados: los archivos van a %4, no a este sistema</translation>
    </message>
    <message>
        <source>created the system group %1 (its members see the service&apos;s state and switch pairs: usermod -aG %1 USER)</source>
        <translation>Se creó el grupo del sistema %1 (sus miembros ven el estado del servicio y conmutan pares: usermod -aG %1 USER)</translation>
    </message>
    <message>
        <source>created the system group %1 (its members also change the service&apos;s configuration, license and event history: usermod -aG %1 USER)</source>
        <translation>Se creó el grupo del sistema %1 (sus miembros también cambian la configuración, la licencia y el historial de eventos del servicio: usermod -aG %1 USER)</translation>
    </message>
    <message>
        <source>created the system user %1 the service runs as</source>
        <translation>Se creó el usuario del sistema %1 con el que se ejecuta el servicio</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Tandem file (not a regular file, or larger than 16 MiB)</source>
        <translation>%1 no es un archivo de Tandem (no es un archivo normal o supera 16 MiB)</translation>
    </message>
    <message>
        <source>%1 is not a file of the user who asked for the service (uid %2): not copied</source>
        <translation>%1 no es un archivo del usuario que pidió el servicio (UID %2): no se copia</translation>
    </message>
</context>
<context>
    <name>SmtpClient</name>
    <message>
        <source>&apos;%1&apos; is not an SMTP server URL</source>
        <translation>&apos;%1&apos; no es una URL de servidor SMTP</translation>
    </message>
    <message>
        <source>libcurl could not be initialised</source>
        <translation>no se pudo inicializar libcurl</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>no answer within %1 s (%2)</source>
        <translation>sin respuesta en %1 s (%2)</translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS; use smtps://, or allow plain text for this configuration</source>
        <translation>el servidor no ofrece STARTTLS; use smtps:// o permita texto sin cifrar para esta configuración</translation>
    </message>
</context>
<context>
    <name>SqliteFile</name>
    <message>
        <source>cannot make the expected schema of %1: %2</source>
        <translation>no se puede crear el esquema esperado de %1: %2</translation>
    </message>
    <message>
        <source>%1 is damaged or not an SQLite database: %2</source>
        <translation>%1 está dañado o no es una base de datos SQLite: %2</translation>
    </message>
    <message>
        <source>%1 is damaged (PRAGMA integrity_check: %2)</source>
        <translation>%1 está dañado (PRAGMA integrity_check: %2)</translation>
    </message>
    <message>
        <source>%1 holds the %2 &apos;%3&apos;: a Tandem database has no triggers nor views</source>
        <translation>%1 contiene %2 &apos;%3&apos;: una base de datos de Tandem no tiene triggers ni vistas</translation>
    </message>
    <message>
        <source>%1 holds the %2 &apos;%3&apos;, which Tandem does not create</source>
        <translation>%1 contiene %2 &apos;%3&apos;, que Tandem no crea</translation>
    </message>
    <message>
        <source>the %2 &apos;%3&apos; in %1 is not defined as Tandem defines it: %4</source>
        <translation>%2 &apos;%3&apos; en %1 no está definido como lo define Tandem: %4</translation>
    </message>
    <message>
        <source>%1 lacks the %2 &apos;%3&apos;</source>
        <translation>a %1 le falta %2 &apos;%3&apos;</translation>
    </message>
    <message>
        <source>%1 is not at schema version %2</source>
        <translation>%1 no tiene la versión de esquema %2</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>no se puede abrir %1: %2</translation>
    </message>
</context>
<context>
    <name>SystemFile</name>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 no es una carpeta</translation>
    </message>
    <message>
        <source>%1 belongs to the user id %2, not to root: refusing to write there</source>
        <translation>%1 pertenece al ID de usuario %2, no a root: no se escribe allí</translation>
    </message>
    <message>
        <source>%1 may be written by others than its owner (mode %2): refusing to write there</source>
        <translation>%1 puede ser escrito por otros además de su propietario (modo %2): no se escribe allí</translation>
    </message>
    <message>
        <source>cannot check the folder %1: %2</source>
        <translation>No se puede comprobar la carpeta %1: %2</translation>
    </message>
    <message>
        <source>%1 is a symbolic link: refusing to write there</source>
        <translation>%1 es un enlace simbólico: no se escribe allí</translation>
    </message>
    <message>
        <source>cannot open the folder %1: %2</source>
        <translation>No se puede abrir la carpeta %1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>cannot sync the folder %1: %2</source>
        <translation>No se puede sincronizar la carpeta %1: %2</translation>
    </message>
    <message>
        <source>%1 may be written by others than its owner: refusing to create folders in it</source>
        <translation>%1 puede ser escrito por otros además de su propietario: no se crean carpetas en ella</translation>
    </message>
    <message>
        <source>cannot create the folder %1: %2</source>
        <translation>No se puede crear la carpeta %1: %2</translation>
    </message>
    <message>
        <source>cannot set the owner and mode of %1: %2</source>
        <translation>No se pueden establecer el propietario y el modo de %1: %2</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>no se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a plain file</source>
        <translation>%1 no es un archivo normal</translation>
    </message>
    <message>
        <source>cannot set the owner of %1: %2</source>
        <translation>no se puede establecer el propietario de %1: %2</translation>
    </message>
</context>
<context>
    <name>Tandem</name>
    <message>
        <source>Item data set to bad quality</source>
        <translation>Datos del elemento con calidad mala</translation>
    </message>
    <message>
        <source>Item data set to a specific value</source>
        <translation>Datos del elemento con un valor específico</translation>
    </message>
    <message>
        <source>No item data changes for a given time period (ms)</source>
        <translation>Sin cambios en los datos del elemento durante un periodo (ms)</translation>
    </message>
    <message>
        <source>Cold: Active machine only</source>
        <translation>Cold: solo el equipo activo</translation>
    </message>
    <message>
        <source>Warm: Both machines, subscribe to items on active machine</source>
        <translation>Warm: ambos equipos, suscripción a elementos en el equipo activo</translation>
    </message>
    <message>
        <source>Hot: Both machines, subscribe to items on both machines</source>
        <translation>Hot: ambos equipos, suscripción a elementos en ambos equipos</translation>
    </message>
    <message>
        <source>Informational</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>protocol identifier is %1, Modbus uses 0</source>
        <translation>el identificador de protocolo es %1, Modbus usa 0</translation>
    </message>
    <message>
        <source>MBAP length is %1, must be from 2 to %2</source>
        <translation>la longitud MBAP es %1, debe estar entre 2 y %2</translation>
    </message>
</context>
<context>
    <name>TandemEvent</name>
    <message>
        <source>Tandem engine started with %1 pair(s) running.</source>
        <translation>Motor Tandem iniciado con %1 par(es) en ejecución.</translation>
    </message>
    <message>
        <source>Tandem engine stopped.</source>
        <translation>Motor Tandem detenido.</translation>
    </message>
    <message>
        <source>Configuration &apos;%1&apos; applied.</source>
        <translation>Configuración &apos;%1&apos; aplicada.</translation>
    </message>
    <message>
        <source>Configuration &apos;%1&apos; was rejected and the previous one keeps running: %2</source>
        <translation>La configuración &apos;%1&apos; se rechazó y la anterior sigue en ejecución: %2</translation>
    </message>
    <message>
        <source>Cannot serve clients of &apos;%1&apos; on %2: %3</source>
        <translation>No se puede atender a los clientes de &apos;%1&apos; en %2: %3</translation>
    </message>
    <message>
        <source>E-mail notification could not be sent through &apos;%1&apos; nor &apos;%2&apos;; it stays in the outbox and is retried: %3</source>
        <translation>La notificación por correo no se pudo enviar a través de &apos;%1&apos; ni de &apos;%2&apos;; permanece en la bandeja de salida y se reintentará: %3</translation>
    </message>
    <message>
        <source>E-mail notification delivered again through &apos;%1&apos;; %2 mail(s) wait in the outbox.</source>
        <translation>Notificación por correo entregada de nuevo a través de &apos;%1&apos;; %2 correo(s) esperan en la bandeja de salida.</translation>
    </message>
    <message>
        <source>E-mail notification &apos;%1&apos; was delivered through &apos;%2&apos;, but the server refused: %3</source>
        <translation>La notificación por correo &apos;%1&apos; se entregó a través de &apos;%2&apos;, pero el servidor rechazó: %3</translation>
    </message>
    <message>
        <source>E-mail notification &apos;%1&apos; to %2 was dropped after %3 attempt(s) over %4 hour(s); the last error: %5</source>
        <translation>La notificación por correo &apos;%1&apos; a %2 se descartó tras %3 intento(s) durante %4 hora(s); último error: %5</translation>
    </message>
    <message>
        <source>The e-mail outbox &apos;%1&apos; could not be used: %2</source>
        <translation>No se pudo usar la bandeja de salida de correo &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>License: %1</source>
        <translation>Licencia: %1</translation>
    </message>
    <message>
        <source>The demo period ends in %1 minute(s): then the engine stops serving. Enter a serial number (Help › Purchase a License).</source>
        <translation>El periodo de demostración termina en %1 minuto(s): entonces el motor deja de dar servicio. Introduzca un número de serie (Ayuda › Comprar una licencia).</translation>
    </message>
    <message>
        <source>The demo period is over: the engine stopped serving its clients. Restart it for another demo period, or license Tandem.</source>
        <translation>El periodo de demostración ha terminado: el motor ha dejado de atender a sus clientes. Reinícielo para otro periodo de demostración o adquiera una licencia de Tandem.</translation>
    </message>
    <message>
        <source>Closed the connection of a client of &apos;%1&apos; from %2: %3</source>
        <translation>Se cerró la conexión de un cliente de &apos;%1&apos; desde %2: %3</translation>
    </message>
    <message>
        <source>The event history &apos;%1&apos; could not be used: %2</source>
        <translation>No se pudo usar el historial de eventos &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Attempt to add monitor item &apos;%3&apos; for &apos;%1&apos; on primary machine &apos;%2&apos; failed. This monitor item will be considered in error.</source>
        <translation>Error al añadir el elemento de supervisión &apos;%3&apos; para &apos;%1&apos; en el equipo primario &apos;%2&apos;. Este elemento de supervisión se considerará con error.</translation>
    </message>
    <message>
        <source>Attempt to add monitor item &apos;%3&apos; for &apos;%1&apos; on secondary machine &apos;%2&apos; failed. This monitor item will be considered in error.</source>
        <translation>Error al añadir el elemento de supervisión &apos;%3&apos; para &apos;%1&apos; en el equipo secundario &apos;%2&apos;. Este elemento de supervisión se considerará con error.</translation>
    </message>
    <message>
        <source>Connected to &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation>Conectado a &apos;%1&apos; en el equipo primario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Connected to &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation>Conectado a &apos;%1&apos; en el equipo secundario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Disconnected from &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation>Desconectado de &apos;%1&apos; en el equipo primario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Disconnected from &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation>Desconectado de &apos;%1&apos; en el equipo secundario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Failed to connect to &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation>Error al conectar con &apos;%1&apos; en el equipo primario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Failed to connect to &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation>Error al conectar con &apos;%1&apos; en el equipo secundario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Monitor item &apos;%3&apos; for &apos;%1&apos; on primary machine &apos;%2&apos; contains array data which is not supported for the &apos;specific value&apos; trigger condition.</source>
        <translation>El elemento de supervisión &apos;%3&apos; para &apos;%1&apos; en el equipo primario &apos;%2&apos; contiene datos de matriz, que no se admiten para la condición de disparo «valor específico».</translation>
    </message>
    <message>
        <source>Monitor item &apos;%3&apos; for &apos;%1&apos; on secondary machine &apos;%2&apos; contains array data which is not supported for the &apos;specific value&apos; trigger condition.</source>
        <translation>El elemento de supervisión &apos;%3&apos; para &apos;%1&apos; en el equipo secundario &apos;%2&apos; contiene datos de matriz, que no se admiten para la condición de disparo «valor específico».</translation>
    </message>
    <message>
        <source>Monitor item test in error for &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation>Prueba de elementos de supervisión con error para &apos;%1&apos; en el equipo primario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Monitor item test in error for &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation>Prueba de elementos de supervisión con error para &apos;%1&apos; en el equipo secundario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Monitor item test passed for &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation>Prueba de elementos de supervisión superada para &apos;%1&apos; en el equipo primario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Monitor item test passed for &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation>Prueba de elementos de supervisión superada para &apos;%1&apos; en el equipo secundario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Promoted active connection for server &apos;%1&apos; to primary machine &apos;%2&apos;.</source>
        <translation>Conexión activa del servidor &apos;%1&apos; conmutada al equipo primario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Promoted active connection for server &apos;%1&apos; to secondary machine &apos;%2&apos;.</source>
        <translation>Conexión activa del servidor &apos;%1&apos; conmutada al equipo secundario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Received shutdown notification from server &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation>Notificación de apagado recibida del servidor &apos;%1&apos; en el equipo primario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Received shutdown notification from server &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation>Notificación de apagado recibida del servidor &apos;%1&apos; en el equipo secundario &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Unable to retrieve status for server &apos;%1&apos; on primary machine &apos;%2&apos;. Server communications has been lost.</source>
        <translation>No se puede obtener el estado del servidor &apos;%1&apos; en el equipo primario &apos;%2&apos;. Se ha perdido la comunicación con el servidor.</translation>
    </message>
    <message>
        <source>Unable to retrieve status for server &apos;%1&apos; on secondary machine &apos;%2&apos;. Server communications has been lost.</source>
        <translation>No se puede obtener el estado del servidor &apos;%1&apos; en el equipo secundario &apos;%2&apos;. Se ha perdido la comunicación con el servidor.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; on primary machine &apos;%2&apos; reports a degraded %3; the secondary machine is preferred while it is healthy.</source>
        <translation>El servidor &apos;%1&apos; en el equipo primario &apos;%2&apos; informa de un %3 degradado; se prefiere el equipo secundario mientras esté en buen estado.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; on secondary machine &apos;%2&apos; reports a degraded %3; the primary machine is preferred while it is healthy.</source>
        <translation>El servidor &apos;%1&apos; en el equipo secundario &apos;%2&apos; informa de un %3 degradado; se prefiere el equipo primario mientras esté en buen estado.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; on primary machine &apos;%2&apos; reports a healthy %3 again.</source>
        <translation>El servidor &apos;%1&apos; en el equipo primario &apos;%2&apos; vuelve a informar de un %3 en buen estado.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; on secondary machine &apos;%2&apos; reports a healthy %3 again.</source>
        <translation>El servidor &apos;%1&apos; en el equipo secundario &apos;%2&apos; vuelve a informar de un %3 en buen estado.</translation>
    </message>
    <message>
        <source>Scheduled backup &apos;%1&apos; created.</source>
        <translation>Copia de seguridad programada &apos;%1&apos; creada.</translation>
    </message>
    <message>
        <source>Scheduled backup into &apos;%1&apos; failed: %2</source>
        <translation>La copia de seguridad programada en &apos;%1&apos; falló: %2</translation>
    </message>
    <message>
        <source>Deleted backup &apos;%1&apos;: older than the retention period of %2 day(s).</source>
        <translation>Copia de seguridad &apos;%1&apos; eliminada: es más antigua que el periodo de conservación de %2 día(s).</translation>
    </message>
    <message>
        <source>Deleted backup &apos;%1&apos; before its retention period ended: free space on the backup disk is under the floor (%2 available of %3).</source>
        <translation>Copia de seguridad &apos;%1&apos; eliminada antes de que terminara su periodo de conservación: el espacio libre en el disco de copias de seguridad está por debajo del mínimo (%2 disponibles de %3).</translation>
    </message>
    <message>
        <source>Free space on the backup disk of &apos;%1&apos; stays under the floor (%2 available of %3) with only the newest backup left.</source>
        <translation>El espacio libre en el disco de copias de seguridad de &apos;%1&apos; sigue por debajo del mínimo (%2 disponibles de %3) aunque solo queda la copia de seguridad más reciente.</translation>
    </message>
    <message>
        <source>Started redundancy for &apos;%1&apos;: primary machine &apos;%2&apos; serves its clients.</source>
        <translation>Redundancia iniciada para &apos;%1&apos;: el equipo primario &apos;%2&apos; atiende a sus clientes.</translation>
    </message>
    <message>
        <source>Started redundancy for &apos;%1&apos;: secondary machine &apos;%2&apos; serves its clients.</source>
        <translation>Redundancia iniciada para &apos;%1&apos;: el equipo secundario &apos;%2&apos; atiende a sus clientes.</translation>
    </message>
    <message>
        <source>The operator made primary machine &apos;%2&apos; active for &apos;%1&apos;; it is held there until returned to automatic.</source>
        <translation>El operador activó el equipo primario &apos;%2&apos; para &apos;%1&apos;; queda fijado en él hasta que se vuelva a automático.</translation>
    </message>
    <message>
        <source>The operator made secondary machine &apos;%2&apos; active for &apos;%1&apos;; it is held there until returned to automatic.</source>
        <translation>El operador activó el equipo secundario &apos;%2&apos; para &apos;%1&apos;; queda fijado en él hasta que se vuelva a automático.</translation>
    </message>
    <message>
        <source>The operator&apos;s hold on primary machine &apos;%2&apos; for &apos;%1&apos; ended: it lost communication. Automatic fail-over applies again.</source>
        <translation>La fijación del operador en el equipo primario &apos;%2&apos; para &apos;%1&apos; terminó: perdió la comunicación. Vuelve a aplicarse la conmutación automática.</translation>
    </message>
    <message>
        <source>The operator&apos;s hold on secondary machine &apos;%2&apos; for &apos;%1&apos; ended: it lost communication. Automatic fail-over applies again.</source>
        <translation>La fijación del operador en el equipo secundario &apos;%2&apos; para &apos;%1&apos; terminó: perdió la comunicación. Vuelve a aplicarse la conmutación automática.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; returned to automatic fail-over; primary machine &apos;%2&apos; was held by the operator.</source>
        <translation>&apos;%1&apos; volvió a la conmutación automática; el equipo primario &apos;%2&apos; estaba fijado por el operador.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; returned to automatic fail-over; secondary machine &apos;%2&apos; was held by the operator.</source>
        <translation>&apos;%1&apos; volvió a la conmutación automática; el equipo secundario &apos;%2&apos; estaba fijado por el operador.</translation>
    </message>
    <message>
        <source>Both machines of &apos;%1&apos; report monitor errors (&apos;%2&apos; and &apos;%3&apos;); the pair stays where it is and does not switch.</source>
        <translation>Ambos equipos de &apos;%1&apos; informan de errores de supervisión (&apos;%2&apos; y &apos;%3&apos;); el par se queda donde está y no conmuta.</translation>
    </message>
    <message>
        <source>The license allows %1 pair(s); &apos;%2&apos; is enabled beyond that: it passes its clients to its primary machine without redundancy.</source>
        <translation>La licencia permite %1 par(es); &apos;%2&apos; está activado por encima de ese límite: pasa sus clientes a su equipo primario sin redundancia.</translation>
    </message>
    <message>
        <source>The license&apos;s grace period has ended: the start stored in %1 was changed, or the license was copied from another computer or folder. Demo limits apply until the license is unlocked (Help › Unlock a License).</source>
        <translation>El periodo de gracia de la licencia ha terminado: el inicio guardado en %1 se ha modificado, o la licencia se ha copiado de otro equipo o carpeta. Se aplican los límites de la demostración hasta que se desbloquee la licencia (Ayuda › Desbloquear una licencia).</translation>
    </message>
    <message>
        <source>Control command &apos;%1&apos; from %2 (uid %3, pid %4).</source>
        <translation>Comando de control &apos;%1&apos; de %2 (UID %3, PID %4).</translation>
    </message>
    <message>
        <source>Control command &apos;%1&apos; from %2 (uid %3, pid %4) was refused: it needs the administrator role.</source>
        <translation>Comando de control &apos;%1&apos; de %2 (UID %3, PID %4) rechazado: requiere el rol de administrador.</translation>
    </message>
    <message>
        <source>Refused logins to &apos;%1&apos; from %2 for %3 s after %4 failed attempts.</source>
        <translation>Inicios de sesión en &apos;%1&apos; desde %2 rechazados durante %3 s tras %4 intentos fallidos.</translation>
    </message>
    <message>
        <source>%2 more events about clients of &apos;%1&apos; were not posted in the last minute (at most %3 a minute are).</source>
        <translation>%2 eventos más sobre clientes de &apos;%1&apos; no se publicaron en el último minuto (como máximo %3 por minuto).</translation>
    </message>
    <message>
        <source>Out of file descriptors while accepting clients of &apos;%1&apos; (%2 connected): the longest idle clients are closed to keep accepting.</source>
        <translation>Sin descriptores de archivo al aceptar clientes de &apos;%1&apos; (%2 conectados): se cierran los clientes inactivos desde hace más tiempo para seguir aceptando.</translation>
    </message>
    <message>
        <source>The e-mail outbox of the backup &apos;%1&apos; was not restored: %2</source>
        <translation>La bandeja de salida de correo de la copia de seguridad &apos;%1&apos; no se restauró: %2</translation>
    </message>
    <message>
        <source>New e-mail notifications are refused: the outbox &apos;%1&apos; cannot be written (%2). Mail already in the outbox is still delivered.</source>
        <translation>Se rechazan las nuevas notificaciones por correo: no se puede escribir la bandeja de salida &apos;%1&apos; (%2). El correo que ya está en la bandeja de salida se sigue entregando.</translation>
    </message>
    <message>
        <source>The e-mail outbox &apos;%1&apos; takes new notifications again; %2 were refused meanwhile.</source>
        <translation>La bandeja de salida de correo &apos;%1&apos; vuelve a aceptar notificaciones nuevas; entretanto se rechazaron %2.</translation>
    </message>
    <message>
        <source>Refused the OPC UA certificate &apos;%4&apos; (SHA-1 thumbprint %5) of %2 for &apos;%1&apos;: %3.</source>
        <translation>Se rechazó el certificado OPC UA &apos;%4&apos; (huella SHA-1 %5) de %2 para &apos;%1&apos;: %3.</translation>
    </message>
    <message>
        <source>Tandem&apos;s own OPC UA certificate cannot be used for &apos;%1&apos;: %2</source>
        <translation>El certificado OPC UA propio de Tandem no se puede usar para &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; talks to %2 with the deprecated security policy %3.</source>
        <translation>&apos;%1&apos; se comunica con %2 con la directiva de seguridad obsoleta %3.</translation>
    </message>
    <message>
        <source>OPC UA user &apos;%2&apos; at %3 called %4 on &apos;%1&apos;.</source>
        <translation>El usuario OPC UA &apos;%2&apos; en %3 llamó a %4 en &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>TandemEventPlaceholders</name>
    <message>
        <source>pairs</source>
        <translation>pares</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>file,reason</source>
        <translation>archivo,motivo</translation>
    </message>
    <message>
        <source>server,endpoint,reason</source>
        <translation>servidor,punto final,motivo</translation>
    </message>
    <message>
        <source>primary SMTP,secondary SMTP,reason</source>
        <translation>SMTP primario,SMTP secundario,motivo</translation>
    </message>
    <message>
        <source>SMTP server,count</source>
        <translation>servidor SMTP,cantidad</translation>
    </message>
    <message>
        <source>subject,SMTP server,recipients</source>
        <translation>asunto,servidor SMTP,destinatarios</translation>
    </message>
    <message>
        <source>subject,recipients,attempts,hours,error</source>
        <translation>asunto,destinatarios,intentos,horas,error</translation>
    </message>
    <message>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>pairs,server</source>
        <translation>pares,servidor</translation>
    </message>
    <message>
        <source>server,client,reason</source>
        <translation>servidor,cliente,motivo</translation>
    </message>
    <message>
        <source>server,machine,item</source>
        <translation>servidor,equipo,elemento</translation>
    </message>
    <message>
        <source>server,machine,level</source>
        <translation>servidor,equipo,nivel</translation>
    </message>
    <message>
        <source>folder,reason</source>
        <translation>carpeta,motivo</translation>
    </message>
    <message>
        <source>file,days</source>
        <translation>archivo,días</translation>
    </message>
    <message>
        <source>file,available,total</source>
        <translation>archivo,disponible,total</translation>
    </message>
    <message>
        <source>folder,available,total</source>
        <translation>carpeta,disponible,total</translation>
    </message>
    <message>
        <source>server,primary machine,secondary machine</source>
        <translation>servidor,equipo primario,equipo secundario</translation>
    </message>
    <message>
        <source>command,user,uid,pid</source>
        <translation>comando,usuario,UID,PID</translation>
    </message>
    <message>
        <source>server,client,seconds,attempts</source>
        <translation>servidor,cliente,segundos,intentos</translation>
    </message>
    <message>
        <source>server,count,limit</source>
        <translation>servidor,cantidad,límite</translation>
    </message>
    <message>
        <source>server,clients</source>
        <translation>servidor,clientes</translation>
    </message>
    <message>
        <source>file,count</source>
        <translation>archivo,cantidad</translation>
    </message>
    <message>
        <source>server,peer,status,subject,thumbprint</source>
        <translation>servidor,par,estado,sujeto,huella</translation>
    </message>
    <message>
        <source>server,reason</source>
        <translation>servidor,motivo</translation>
    </message>
    <message>
        <source>server,peer,policy</source>
        <translation>servidor,par,directiva</translation>
    </message>
    <message>
        <source>server,user,client,method</source>
        <translation>servidor,usuario,cliente,método</translation>
    </message>
</context>
<context>
    <name>TarFile</name>
    <message>
        <source>it is empty or not a tar archive</source>
        <translation>está vacío o no es un archivo tar</translation>
    </message>
    <message>
        <source>it is truncated (the end of the archive is missing after %1)</source>
        <translation>está truncado (falta el final del archivo después de %1)</translation>
    </message>
    <message>
        <source>it is truncated (the end of the archive is incomplete)</source>
        <translation>está truncado (el final del archivo está incompleto)</translation>
    </message>
    <message>
        <source>entry %1 has no ustar header (not a Tandem backup archive)</source>
        <translation>la entrada %1 no tiene cabecera ustar (no es un archivo de copia de seguridad de Tandem)</translation>
    </message>
    <message>
        <source>the header of entry %1 is damaged (bad header checksum)</source>
        <translation>la cabecera de la entrada %1 está dañada (suma de comprobación de cabecera incorrecta)</translation>
    </message>
    <message>
        <source>entry %1 has the unsafe name &apos;%2&apos; (absolute or with &apos;..&apos;)</source>
        <translation>la entrada %1 tiene el nombre inseguro &apos;%2&apos; (absoluto o con &apos;..&apos;)</translation>
    </message>
    <message>
        <source>%1 is not a regular file (tar type &apos;%2&apos;)</source>
        <translation>%1 no es un archivo normal (tipo tar &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>the size of %1 is not a number</source>
        <translation>el tamaño de %1 no es un número</translation>
    </message>
    <message>
        <source>%1 is too large (%2 bytes; at most %3)</source>
        <translation>%1 es demasiado grande (%2 bytes; como máximo %3)</translation>
    </message>
    <message>
        <source>it holds more than %1 files</source>
        <translation>contiene más de %1 archivos</translation>
    </message>
    <message>
        <source>it is truncated (%1 is cut short)</source>
        <translation>está truncado (%1 está incompleto)</translation>
    </message>
</context>
<context>
    <name>UnlockPassword</name>
    <message>
        <source>this is not an unlock password (0-9 and A-Z in groups of five; check for a missing or extra group)</source>
        <translation>no es una contraseña de desbloqueo (0-9 y A-Z en grupos de cinco; compruebe si falta o sobra un grupo)</translation>
    </message>
    <message>
        <source>the unlock password does not fit this serial number and Computer ID %1: a character is wrong, or it was issued for another computer</source>
        <translation>la contraseña de desbloqueo no corresponde a este número de serie y al ID de equipo %1: hay un carácter erróneo o se emitió para otro equipo</translation>
    </message>
</context>
<context>
    <name>UserToken</name>
    <message>
        <source>the security policy %1 is not one Tandem can encrypt a password for</source>
        <translation>la política de seguridad %1 no es una para la que Tandem pueda cifrar una contraseña</translation>
    </message>
    <message>
        <source>the server sent no certificate to encrypt the password with</source>
        <translation>el servidor no envió ningún certificado con el que cifrar la contraseña</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not a valid X.509 certificate</source>
        <translation>el certificado del servidor no es un certificado X.509 válido</translation>
    </message>
    <message>
        <source>the server&apos;s certificate holds no RSA key</source>
        <translation>el certificado del servidor no contiene ninguna clave RSA</translation>
    </message>
    <message>
        <source>encrypting the password failed</source>
        <translation>no se pudo cifrar la contraseña</translation>
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
        <translation>Consola de redundancia Tandem</translation>
    </message>
    <message>
        <source>Configuration file (default ~/.config/tandem/tandem.xml).</source>
        <translation>Archivo de configuración (predeterminado: ~/.config/tandem/tandem.xml).</translation>
    </message>
    <message>
        <source>State directory (default ~/.local/state/tandem).</source>
        <translation>Directorio de estado (predeterminado: ~/.local/state/tandem).</translation>
    </message>
    <message>
        <source>Stands in for /etc/machine-id (tests, demos).</source>
        <translation>Sustituye a /etc/machine-id (pruebas, demostraciones).</translation>
    </message>
    <message>
        <source>Language of the console: en, de or es (default: View › Language, else the system&apos;s).</source>
        <translation>Idioma de la consola: en, de o es (predeterminado: Ver › Idioma; si no, el del sistema).</translation>
    </message>
    <message>
        <source>Unknown language &apos;%1&apos;: use en, de or es.</source>
        <translation>Idioma desconocido &apos;%1&apos;: use en, de o es.</translation>
    </message>
    <message>
        <source>Some machine-local state could not be read:</source>
        <translation>No se pudo leer parte del estado local del equipo:</translation>
    </message>
    <message>
        <source>The configuration file could not be read. It was left unchanged and Tandem will not save over it.</source>
        <translation>No se pudo leer el archivo de configuración. No se ha modificado y Tandem no lo sobrescribirá.</translation>
    </message>
    <message>
        <source>The engine could not run everything:</source>
        <translation>El motor no pudo ejecutarlo todo:</translation>
    </message>
    <message>
        <source>Screenshots to DIR.</source>
        <translation>Guardar capturas de pantalla en DIR.</translation>
    </message>
    <message>
        <source>Configuration of the system service: %1 (start with --config to open another)</source>
        <translation>Configuración del servicio del sistema: %1 (inicie con --config para abrir otra)</translation>
    </message>
</context>
<context>
    <name>tandem::AddPairDialog</name>
    <message>
        <source>Add Redundant Server Configuration</source>
        <translation>Añadir configuración de servidor redundante</translation>
    </message>
    <message>
        <source>e.g. line1</source>
        <translation>p. ej. line1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
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
        <translation>P&amp;rotocolo:</translation>
    </message>
    <message>
        <source>Client &amp;endpoint:</source>
        <translation>Punto final de &amp;cliente:</translation>
    </message>
    <message>
        <source>host or host:port</source>
        <translation>host o host:puerto</translation>
    </message>
    <message>
        <source>&amp;Primary (Hostname or IP Address):</source>
        <translation>Equipo &amp;primario (nombre de host o dirección IP):</translation>
    </message>
    <message>
        <source>&amp;Secondary (Hostname or IP Address):</source>
        <translation>Equipo &amp;secundario (nombre de host o dirección IP):</translation>
    </message>
    <message>
        <source>Connection &amp;mode:</source>
        <translation>&amp;Modo de conexión:</translation>
    </message>
</context>
<context>
    <name>tandem::AgreementPage</name>
    <message>
        <source>License Agreement</source>
        <translation>Acuerdo de licencia</translation>
    </message>
    <message>
        <source>Step 1 of 4: read and accept the license agreement before moving a license from one computer to another.</source>
        <translation>Paso 1 de 4: lea y acepte el acuerdo de licencia antes de mover una licencia de un equipo a otro.</translation>
    </message>
    <message>
        <source>I &amp;accept the terms of this license agreement</source>
        <translation>Ac&amp;epto los términos de este acuerdo de licencia</translation>
    </message>
    <message>
        <source>I do &amp;not accept the terms of this license agreement</source>
        <translation>&amp;No acepto los términos de este acuerdo de licencia</translation>
    </message>
    <message>
        <source>&lt;b&gt;Before you begin:&lt;/b&gt; have removable media ready (any USB stick or card with a little free space; it needs no special format) and make sure you can reach both computers. Once the license has left the source computer, finish the remaining steps: until it is installed on the target computer, neither computer can use it. An interruption (a pulled stick, a crash, a power cut) does not lose the license: every stage is journaled, and the next run of this wizard finishes or undoes the unfinished step.</source>
        <translation>&lt;b&gt;Antes de empezar:&lt;/b&gt; tenga a mano un soporte extraíble (cualquier memoria USB o tarjeta con algo de espacio libre; no necesita ningún formato especial) y asegúrese de poder llegar a ambos equipos. Una vez que la licencia haya salido del equipo de origen, termine los pasos restantes: hasta que se instale en el equipo de destino, ninguno de los dos equipos puede usarla. Una interrupción (una memoria extraída, un bloqueo, un corte de corriente) no hace perder la licencia: cada etapa queda registrada, y la siguiente ejecución de este asistente completa o deshace el paso sin terminar.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tandem Software License Agreement&lt;/h3&gt;&lt;p&gt;The software license agreement under which this copy of Tandem was licensed applies to the license you are about to transfer, unchanged. A license serves one computer at a time: transferring it moves it to the target computer and removes it from the source computer; it does not copy it.&lt;/p&gt;&lt;p&gt;For the full text of the agreement, contact technical support (Help › Technical Support).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Acuerdo de licencia de software de Tandem&lt;/h3&gt;&lt;p&gt;El acuerdo de licencia de software bajo el que se licenció esta copia de Tandem se aplica sin cambios a la licencia que va a transferir. Una licencia sirve a un solo equipo a la vez: transferirla la mueve al equipo de destino y la elimina del equipo de origen; no la copia.&lt;/p&gt;&lt;p&gt;Para obtener el texto completo del acuerdo, póngase en contacto con el soporte técnico (Ayuda › Soporte técnico).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tandem::AliasDialog</name>
    <message>
        <source>Alias Redundant Server Configuration</source>
        <translation>Crear alias de configuración de servidor redundante</translation>
    </message>
    <message>
        <source>Current name:</source>
        <translation>Nombre actual:</translation>
    </message>
    <message>
        <source>&amp;New name:</source>
        <translation>&amp;Nuevo nombre:</translation>
    </message>
    <message>
        <source>Client &amp;endpoint:</source>
        <translation>Punto final de &amp;cliente:</translation>
    </message>
    <message>
        <source>Note: alias names cannot include the characters &lt;, &gt; and &amp;. Clients that should use this pair connect to its new endpoint.</source>
        <translation>Nota: los nombres de alias no pueden incluir los caracteres &lt;, &gt; y &amp;. Los clientes que deban usar este par se conectan a su nuevo punto final.</translation>
    </message>
</context>
<context>
    <name>tandem::BackupDialog</name>
    <message>
        <source>Backup and Restore</source>
        <translation>Copia de seguridad y restauración</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Copias de seguridad automáticas</translation>
    </message>
    <message>
        <source>&amp;Back up automatically</source>
        <translation>Hacer copias de seguridad &amp;automáticamente</translation>
    </message>
    <message>
        <source> hour(s)</source>
        <translation> hora(s)</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> día(s)</translation>
    </message>
    <message>
        <source>B&amp;rowse...</source>
        <translation>&amp;Examinar...</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>&amp;Cada:</translation>
    </message>
    <message>
        <source>&amp;Keep for:</source>
        <translation>Conser&amp;var durante:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>Car&amp;peta:</translation>
    </message>
    <message>
        <source>When free space on the backup disk drops under 10 GB or 10 %, the oldest backups are deleted first, whatever their age. The newest backup is always kept. The schedule is part of the configuration: save it with File › Save.</source>
        <translation>Cuando el espacio libre en el disco de copias de seguridad baja de 10 GB o del 10 %, se eliminan primero las copias más antiguas, sea cual sea su antigüedad. La copia más reciente se conserva siempre. La programación forma parte de la configuración: guárdela con Archivo › Guardar.</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Back Up &amp;Now</source>
        <translation>Crear copia a&amp;hora</translation>
    </message>
    <message>
        <source>&amp;Restore...</source>
        <translation>&amp;Restaurar...</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>Backups in the folder</source>
        <translation>Copias de seguridad en la carpeta</translation>
    </message>
    <message>
        <source>A backup holds tandem.xml, the event history and the e-mail outbox; never the license nor passwords. After a restore every pair is disabled on this computer.</source>
        <translation>Una copia de seguridad contiene tandem.xml, el historial de eventos y la bandeja de salida de correo; nunca la licencia ni contraseñas. Después de una restauración, todos los pares quedan desactivados en este equipo.</translation>
    </message>
    <message>
        <source>Backup Folder</source>
        <translation>Carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>Last backup: %1.</source>
        <translation>Última copia de seguridad: %1.</translation>
    </message>
    <message>
        <source>Next backup: %1.</source>
        <translation>Próxima copia de seguridad: %1.</translation>
    </message>
    <message>
        <source>The last backup failed: %1</source>
        <translation>La última copia de seguridad falló: %1</translation>
    </message>
    <message>
        <source>Free space on the backup disk is under the floor.</source>
        <translation>El espacio libre en el disco de copias de seguridad está por debajo del mínimo.</translation>
    </message>
    <message>
        <source>The engine makes no automatic backups now.</source>
        <translation>Actualmente el motor no hace copias de seguridad automáticas.</translation>
    </message>
    <message>
        <source>Damaged: %1</source>
        <translation>Dañada: %1</translation>
    </message>
    <message>
        <source>Complete (%1)</source>
        <translation>Completa (%1)</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>La copia de seguridad falló: %1</translation>
    </message>
    <message>
        <source>Restore the backup of %1 from %2?

The configuration, the event history and the e-mail outbox are replaced; the current files are kept beside them as *.before-restore. Every pair is disabled afterwards: enable them when ready.</source>
        <translation>¿Restaurar la copia de seguridad de %2 del %1?

Se sustituyen la configuración, el historial de eventos y la bandeja de salida de correo; los archivos actuales se conservan junto a ellos como *.before-restore. Después, todos los pares quedan desactivados: actívelos cuando esté listo.</translation>
    </message>
    <message>
        <source>Unsaved changes to the configuration are lost.</source>
        <translation>Se perderán los cambios sin guardar de la configuración.</translation>
    </message>
    <message>
        <source>The engine in this console stops for the restore and starts again.</source>
        <translation>El motor de esta consola se detiene durante la restauración y se vuelve a iniciar.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>No se restauró nada: %1</translation>
    </message>
    <message>
        <source>Restored from %1. Every pair is disabled.</source>
        <translation>Restaurado desde %1. Todos los pares están desactivados.</translation>
    </message>
    <message>
        <source>Restart the console to run the engine on the restored files.</source>
        <translation>Reinicie la consola para que el motor se ejecute con los archivos restaurados.</translation>
    </message>
</context>
<context>
    <name>tandem::CertificatesDialog</name>
    <message>
        <source>Certificates</source>
        <translation>Certificados</translation>
    </message>
    <message>
        <source>Tandem&apos;s own certificate</source>
        <translation>Certificado propio de Tandem</translation>
    </message>
    <message>
        <source>&amp;Renew...</source>
        <translation>&amp;Renovar...</translation>
    </message>
    <message>
        <source>A new key and a new self-signed certificate in place of the current ones</source>
        <translation>Una clave nueva y un certificado autofirmado nuevo en lugar de los actuales</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>&amp;Importar...</translation>
    </message>
    <message>
        <source>Use a certificate the plant&apos;s CA issued: a certificate file with its key file, or a PKCS#12 file</source>
        <translation>Usar un certificado emitido por la CA de la planta: un archivo de certificado con su archivo de clave, o un archivo PKCS#12</translation>
    </message>
    <message>
        <source>&amp;Trusted</source>
        <translation>&amp;De confianza</translation>
    </message>
    <message>
        <source>I&amp;ssuers</source>
        <translation>E&amp;misores</translation>
    </message>
    <message>
        <source>Re&amp;jected</source>
        <translation>Re&amp;chazados</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujeto</translation>
    </message>
    <message>
        <source>Thumbprint (SHA-1)</source>
        <translation>Huella (SHA-1)</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válido hasta</translation>
    </message>
    <message>
        <source>Application URI</source>
        <translation>URI de aplicación</translation>
    </message>
    <message>
        <source>Certificates of servers and clients Tandem accepts, and CAs whose certificates it accepts</source>
        <translation>Certificados de servidores y clientes que Tandem acepta, y CA cuyos certificados acepta</translation>
    </message>
    <message>
        <source>CAs that complete a chain without being trusted themselves</source>
        <translation>CA que completan una cadena sin ser de confianza ellas mismas</translation>
    </message>
    <message>
        <source>Certificates Tandem refused; trust one to accept it</source>
        <translation>Certificados que Tandem rechazó; confíe en uno para aceptarlo</translation>
    </message>
    <message>
        <source>Tr&amp;ust</source>
        <translation>C&amp;onfiar</translation>
    </message>
    <message>
        <source>R&amp;eject</source>
        <translation>Rec&amp;hazar</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Añadir...</translation>
    </message>
    <message>
        <source>Trust a certificate file (DER or PEM)</source>
        <translation>Confiar en un archivo de certificado (DER o PEM)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>The engine reads these folders at every connection: changes count from the next connection, without a restart.</source>
        <translation>El motor lee estas carpetas en cada conexión: los cambios cuentan desde la próxima conexión, sin reiniciar.</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 no es una carpeta</translation>
    </message>
    <message>
        <source>the folder %1 cannot be read by this user</source>
        <translation>este usuario no puede leer la carpeta %1</translation>
    </message>
    <message>
        <source>The certificates cannot be shown: %1.

When Tandem runs as a system service, its certificates belong to the service&apos;s user. Manage them from a terminal instead:
    sudo tandemctl --state-dir %2 cert list
(and cert show, trust, reject, remove, renew, import).</source>
        <translation>No se pueden mostrar los certificados: %1.

Cuando Tandem se ejecuta como servicio del sistema, sus certificados pertenecen al usuario del servicio. Gestiónelos desde un terminal:
    sudo tandemctl --state-dir %2 cert list
(y cert show, trust, reject, remove, renew, import).</translation>
    </message>
    <message>
        <source>Tandem has no certificate yet. The engine creates one when it first starts an OPC UA link or endpoint; Create makes it now.</source>
        <translation>Tandem aún no tiene certificado. El motor crea uno cuando inicia por primera vez un enlace o un endpoint OPC UA; Crear lo genera ahora.</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>C&amp;rear</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>dañado</translation>
    </message>
    <message>
        <source>Renew Tandem&apos;s Certificate</source>
        <translation>Renovar el certificado de Tandem</translation>
    </message>
    <message>
        <source>Tandem gets a new key and a new self-signed certificate in place of the current ones.

Every OPC UA server and client that trusted the old certificate refuses Tandem until it trusts the new one. Renew now?</source>
        <translation>Tandem obtiene una clave nueva y un certificado autofirmado nuevo en lugar de los actuales.

Todo servidor y cliente OPC UA que confiaba en el certificado antiguo rechaza a Tandem hasta que confíe en el nuevo. ¿Renovar ahora?</translation>
    </message>
    <message>
        <source>The certificate was not renewed: %1</source>
        <translation>El certificado no se renovó: %1</translation>
    </message>
    <message>
        <source>Tandem now uses %1; servers and clients that trusted the old certificate must trust this one.</source>
        <translation>Tandem usa ahora %1; los servidores y clientes que confiaban en el certificado antiguo deben confiar en este.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>The password of %1 (empty if it has none):</source>
        <translation>La contraseña de %1 (vacía si no tiene):</translation>
    </message>
    <message>
        <source>The certificate was not imported: %1</source>
        <translation>El certificado no se importó: %1</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB: not a certificate or key</source>
        <translation>%1 ocupa más de 1 MiB: no es un certificado ni una clave</translation>
    </message>
    <message>
        <source>Import a Certificate</source>
        <translation>Importar un certificado</translation>
    </message>
    <message>
        <source>Certificates and PKCS#12 files (*.der *.pem *.crt *.cer *.p12 *.pfx);;All files (*)</source>
        <translation>Certificados y archivos PKCS#12 (*.der *.pem *.crt *.cer *.p12 *.pfx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The Certificate&apos;s Private Key</source>
        <translation>La clave privada del certificado</translation>
    </message>
    <message>
        <source>Private keys (*.pem *.key);;All files (*)</source>
        <translation>Claves privadas (*.pem *.key);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Tandem now uses %1; servers and clients must trust it before they accept Tandem.</source>
        <translation>Tandem usa ahora %1; los servidores y clientes deben confiar en él antes de aceptar a Tandem.</translation>
    </message>
    <message>
        <source>Trust Certificate</source>
        <translation>Confiar en el certificado</translation>
    </message>
    <message>
        <source>Trust &apos;%1&apos;?

Thumbprint: %2

Compare the thumbprint with the one the server or client shows in its own configuration: a certificate is only as trustworthy as that comparison.</source>
        <translation>¿Confiar en &apos;%1&apos;?

Huella: %2

Compare la huella con la que muestra el servidor o cliente en su propia configuración: un certificado solo es tan fiable como esa comparación.</translation>
    </message>
    <message>
        <source>Trusted %1.</source>
        <translation>Se confía en %1.</translation>
    </message>
    <message>
        <source>Reject Certificate</source>
        <translation>Rechazar el certificado</translation>
    </message>
    <message>
        <source>Reject &apos;%1&apos;? It moves to the rejected list: connections that present it are refused from now on.</source>
        <translation>¿Rechazar &apos;%1&apos;? Pasa a la lista de rechazados: a partir de ahora se rechazan las conexiones que lo presenten.</translation>
    </message>
    <message>
        <source>Rejected %1: it is no longer trusted.</source>
        <translation>%1 rechazado: ya no es de confianza.</translation>
    </message>
    <message>
        <source>Remove Certificate</source>
        <translation>Quitar el certificado</translation>
    </message>
    <message>
        <source>Delete the damaged file %1?</source>
        <translation>¿Borrar el archivo dañado %1?</translation>
    </message>
    <message>
        <source>Remove &apos;%1&apos; from every list that holds it? A server or client that presents it is then refused as unknown.</source>
        <translation>¿Quitar &apos;%1&apos; de todas las listas que lo contienen? Un servidor o cliente que lo presente se rechazará entonces como desconocido.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 quitado.</translation>
    </message>
    <message>
        <source>Trust a Certificate</source>
        <translation>Confiar en un certificado</translation>
    </message>
    <message>
        <source>Certificates (*.der *.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.der *.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB: not a certificate</source>
        <translation>%1 ocupa más de 1 MiB: no es un certificado</translation>
    </message>
</context>
<context>
    <name>tandem::CompletionPage</name>
    <message>
        <source>Congratulations!</source>
        <translation>¡Enhorabuena!</translation>
    </message>
    <message>
        <source>Step 5: the license transfer is complete.</source>
        <translation>Paso 5: la transferencia de la licencia ha terminado.</translation>
    </message>
    <message>
        <source>Congratulations! The license has been transferred to this computer. The media no longer holds it and need not be kept.</source>
        <translation>¡Enhorabuena! La licencia se ha transferido a este equipo. El soporte ya no la contiene y no es necesario conservarlo.</translation>
    </message>
    <message>
        <source>The License Has Left This Computer</source>
        <translation>La licencia ha salido de este equipo</translation>
    </message>
    <message>
        <source>Step 5: this computer&apos;s part of the transfer is complete.</source>
        <translation>Paso 5: la parte de la transferencia de este equipo ha terminado.</translation>
    </message>
    <message>
        <source>The license is on the media at %1.</source>
        <translation>La licencia está en el soporte en %1.</translation>
    </message>
    <message>
        <source>The license is on the media at %1, for the computer %2.</source>
        <translation>La licencia está en el soporte en %1, para el equipo %2.</translation>
    </message>
    <message>
        <source>Take the media to the target computer and install the license there (Help › Transfer a License..., Step 4).</source>
        <translation>Lleve el soporte al equipo de destino e instale allí la licencia (Ayuda › Transferir una licencia..., paso 4).</translation>
    </message>
    <message>
        <source>License Transfer</source>
        <translation>Transferencia de licencia</translation>
    </message>
    <message>
        <source>Step 5</source>
        <translation>Paso 5</translation>
    </message>
    <message>
        <source>No license was moved in this run of the wizard.</source>
        <translation>En esta ejecución del asistente no se ha movido ninguna licencia.</translation>
    </message>
    <message>
        <source>This computer&apos;s license: %1</source>
        <translation>Licencia de este equipo: %1</translation>
    </message>
    <message numerus="yes">
        <source>The license must be unlocked for this computer within %n day(s): contact technical support with the serial number and Computer ID below, and enter the password they issue in Help › Unlock a License...

Application S/N: %1
Computer ID: %2</source>
        <translation>
            <numerusform>La licencia debe desbloquearse para este equipo en un plazo de %n día: póngase en contacto con el soporte técnico con el número de serie y el ID de equipo que aparecen abajo, e introduzca la contraseña que le faciliten en Ayuda › Desbloquear una licencia...

N.º de serie de la aplicación: %1
ID de equipo: %2</numerusform>
            <numerusform>La licencia debe desbloquearse para este equipo en un plazo de %n días: póngase en contacto con el soporte técnico con el número de serie y el ID de equipo que aparecen abajo, e introduzca la contraseña que le faciliten en Ayuda › Desbloquear una licencia...

N.º de serie de la aplicación: %1
ID de equipo: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ConfigDocument</name>
    <message>
        <source>not saved: this file could not be read when Tandem started, and saving would overwrite it. Fix or move the file, then start Tandem again.</source>
        <translation>no guardado: este archivo no se pudo leer al iniciar Tandem, y guardar lo sobrescribiría. Corrija o aparte el archivo y vuelva a iniciar Tandem.</translation>
    </message>
    <message>
        <source>there is no pair named &apos;%1&apos;</source>
        <translation>no hay ningún par llamado &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a pair named &apos;%1&apos; already exists</source>
        <translation>ya existe un par llamado &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a pair is renamed by aliasing it, not by editing its settings</source>
        <translation>un par se renombra creando un alias, no editando su configuración</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already an alias of &apos;%2&apos;; unalias it first</source>
        <translation>&apos;%1&apos; ya es un alias de &apos;%2&apos;; deshaga primero el alias</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an alias</source>
        <translation>&apos;%1&apos; no es un alias</translation>
    </message>
    <message>
        <source>cannot unalias &apos;%1&apos;: its original name &apos;%2&apos; is in use as a redundant server configuration</source>
        <translation>no se puede deshacer el alias &apos;%1&apos;: su nombre original &apos;%2&apos; lo usa una configuración de servidor redundante</translation>
    </message>
    <message>
        <source>cannot unalias &apos;%1&apos;: %2</source>
        <translation>no se puede deshacer el alias &apos;%1&apos;: %2</translation>
    </message>
</context>
<context>
    <name>tandem::ConsoleChannelSecurity</name>
    <message>
        <source>Tandem&apos;s own certificate cannot be used: %1</source>
        <translation>No se puede usar el certificado propio de Tandem: %1</translation>
    </message>
    <message>
        <source>no state directory holds Tandem&apos;s certificates</source>
        <translation>ningún directorio de estado contiene los certificados de Tandem</translation>
    </message>
</context>
<context>
    <name>tandem::DiagnosticsPage</name>
    <message>
        <source>Event View</source>
        <translation>Visor de eventos</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Advertencias y errores</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Solo errores</translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation>Todos los pares</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>Buscar eventos</translation>
    </message>
    <message>
        <source>Events appear here once the Tandem engine runs and records them.</source>
        <translation>Los eventos aparecen aquí en cuanto el motor Tandem se ejecuta y los registra.</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>Guardar &amp;como...</translation>
    </message>
    <message>
        <source>Save every event to a text file, one per line</source>
        <translation>Guardar todos los eventos en un archivo de texto, uno por línea</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Restablecer</translation>
    </message>
    <message>
        <source>Clear the event view and the events preserved on disk</source>
        <translation>Vaciar el visor de eventos y los eventos conservados en disco</translation>
    </message>
    <message>
        <source>&amp;Preserve events to disk on shutdown</source>
        <translation>Conservar los eventos en &amp;disco al cerrar</translation>
    </message>
    <message>
        <source>Keep the event view across restarts; new events are appended to the preserved ones.</source>
        <translation>Mantener el visor de eventos entre reinicios; los eventos nuevos se añaden a los conservados.</translation>
    </message>
    <message>
        <source>Once this many events are held, the oldest are discarded (%1 to %2, default %3).</source>
        <translation>Cuando se alcanza este número de eventos, se descartan los más antiguos (de %1 a %2, predeterminado %3).</translation>
    </message>
    <message>
        <source>&amp;Maximum number of events to capture:</source>
        <translation>Número &amp;máximo de eventos a capturar:</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventos</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Events</source>
        <translation>Guardar eventos</translation>
    </message>
    <message>
        <source>The events could not be saved to %1: %2</source>
        <translation>No se pudieron guardar los eventos en %1: %2</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Archivos de texto (*.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reset Events</source>
        <translation>Restablecer eventos</translation>
    </message>
    <message>
        <source>Clear the event view and every event preserved on disk? This cannot be undone; use Save As first to keep a copy.</source>
        <translation>¿Vaciar el visor de eventos y todos los eventos conservados en disco? No se puede deshacer; use antes Guardar como para conservar una copia.</translation>
    </message>
</context>
<context>
    <name>tandem::Engine</name>
    <message>
        <source>this engine was built without the pair&apos;s protocol</source>
        <translation>este motor se compiló sin el protocolo del par</translation>
    </message>
</context>
<context>
    <name>tandem::EngineHost</name>
    <message>
        <source>the engine has no event history</source>
        <translation>el motor no tiene historial de eventos</translation>
    </message>
    <message>
        <source>the engine has no e-mail outbox</source>
        <translation>el motor no tiene bandeja de salida de correo</translation>
    </message>
    <message>
        <source>pair &apos;%1&apos; is not running</source>
        <translation>el par &apos;%1&apos; no está en ejecución</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>comando desconocido &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not primary, secondary or auto</source>
        <translation>&apos;%1&apos; no es primary, secondary ni auto</translation>
    </message>
</context>
<context>
    <name>tandem::EngineProcess</name>
    <message>
        <source>cannot find the engine program tandemd: it is neither beside the console in %1 nor on PATH</source>
        <translation>no se encuentra el programa del motor tandemd: no está junto a la consola en %1 ni en el PATH</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>no se puede iniciar %1: %2</translation>
    </message>
    <message>
        <source>the engine (tandemd, pid %1) did not answer on %2 within %3 s; it was stopped</source>
        <translation>el motor (tandemd, PID %1) no respondió en %2 en %3 s; se detuvo</translation>
    </message>
    <message>
        <source>the engine (tandemd) ended at its start: %1</source>
        <translation>el motor (tandemd) terminó al iniciarse: %1</translation>
    </message>
    <message>
        <source>ended by a signal</source>
        <translation>terminado por una señal</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>código de salida %1</translation>
    </message>
</context>
<context>
    <name>tandem::EngineSession</name>
    <message>
        <source>tandemd (pid %1)</source>
        <translation>tandemd (pid %1)</translation>
    </message>
    <message>
        <source>engine in this console</source>
        <translation>motor en esta consola</translation>
    </message>
    <message>
        <source>tandemd (pid %1) runs on these files: stop it first (for the service: systemctl stop tandemd), then restore.</source>
        <translation>tandemd (pid %1) se ejecuta sobre estos archivos: deténgalo primero (para el servicio: systemctl stop tandemd) y después restaure.</translation>
    </message>
    <message>
        <source>tandemd service (pid %1)</source>
        <translation>servicio tandemd (pid %1)</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>No engine (tandemd) started serving %1 in time; the console runs the engine itself meanwhile.</source>
        <translation>Ningún motor (tandemd) empezó a tiempo a dar servicio a %1; mientras tanto, la consola ejecuta el motor ella misma.</translation>
    </message>
    <message>
        <source>Another engine still serves %1; the console shows it.</source>
        <translation>Otro motor sigue dando servicio a %1; la consola lo muestra.</translation>
    </message>
    <message>
        <source>The connection to the engine (tandemd) was lost. The console connects again as soon as it is back.</source>
        <translation>Se perdió la conexión con el motor (tandemd). La consola se vuelve a conectar en cuanto esté disponible.</translation>
    </message>
    <message numerus="yes">
        <source>The console&apos;s engine (tandemd, pid %1) stopped unexpectedly: %2. The console starts it again in %n second(s).</source>
        <translation>
            <numerusform>El motor de la consola (tandemd, PID %1) se detuvo inesperadamente: %2. La consola lo vuelve a iniciar en %n segundo.</numerusform>
            <numerusform>El motor de la consola (tandemd, PID %1) se detuvo inesperadamente: %2. La consola lo vuelve a iniciar en %n segundos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::EventModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>tandem::EventStore</name>
    <message>
        <source>it is damaged or not a Tandem event history; it was moved to %1 and a new one started</source>
        <translation>está dañado o no es un historial de eventos de Tandem; se ha movido a %1 y se ha creado uno nuevo</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>no se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>writing %1 failed: %2</source>
        <translation>error al escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>tandem::GeneralPage</name>
    <message>
        <source>Press F1 for help on this topic</source>
        <translation>Pulse F1 para obtener ayuda sobre este tema</translation>
    </message>
    <message>
        <source>Machine Settings</source>
        <translation>Configuración de los equipos</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Protocolo:</translation>
    </message>
    <message>
        <source>The address clients connect to instead of the server, e.g. 127.0.0.1:1502 or opc.tcp://localhost:4841/line1</source>
        <translation>La dirección a la que se conectan los clientes en lugar de al servidor, p. ej. 127.0.0.1:1502 u opc.tcp://localhost:4841/line1</translation>
    </message>
    <message>
        <source>Client &amp;endpoint:</source>
        <translation>Punto final de &amp;cliente:</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Browse primary servers</source>
        <translation>Examinar servidores primarios</translation>
    </message>
    <message>
        <source>Find the OPC UA servers on the primary machine</source>
        <translation>Buscar los servidores OPC UA del equipo primario</translation>
    </message>
    <message>
        <source>&amp;Primary (Hostname or IP Address):</source>
        <translation>Equipo &amp;primario (nombre de host o dirección IP):</translation>
    </message>
    <message>
        <source>Browse secondary servers</source>
        <translation>Examinar servidores secundarios</translation>
    </message>
    <message>
        <source>Find the OPC UA servers on the secondary machine</source>
        <translation>Buscar los servidores OPC UA del equipo secundario</translation>
    </message>
    <message>
        <source>&amp;Secondary (Hostname or IP Address):</source>
        <translation>Equipo &amp;secundario (nombre de host o dirección IP):</translation>
    </message>
    <message>
        <source>Redundancy Options</source>
        <translation>Opciones de redundancia</translation>
    </message>
    <message>
        <source>Connection &amp;mode:</source>
        <translation>&amp;Modo de conexión:</translation>
    </message>
    <message>
        <source>&amp;Always reconnect to primary machine upon availability</source>
        <translation>Reconectar siempre al equipo primario cuando esté &amp;disponible</translation>
    </message>
    <message>
        <source>Query server status &amp;interval (ms):</source>
        <translation>&amp;Intervalo de consulta de estado (ms):</translation>
    </message>
    <message>
        <source>Query server status &amp;timeout (ms):</source>
        <translation>&amp;Tiempo de espera de consulta de estado (ms):</translation>
    </message>
    <message>
        <source>&amp;Fail-back hold-off (ms):</source>
        <translation>Retardo de &amp;retorno (ms):</translation>
    </message>
    <message>
        <source>The item read as the status query (Modbus reference, e.g. 400001 or 2:300010). Any answer proves the server alive, except exceptions 0x0A/0x0B of a gateway whose device is unreachable.</source>
        <translation>El elemento que se lee como consulta de estado (referencia Modbus, p. ej. 400001 o 2:300010). Cualquier respuesta demuestra que el servidor funciona, salvo las excepciones 0x0A/0x0B de una pasarela cuyo dispositivo no es accesible.</translation>
    </message>
    <message>
        <source>Status &amp;query item:</source>
        <translation>E&amp;lemento de consulta de estado:</translation>
    </message>
    <message>
        <source>&amp;Replay writes in flight on the new server at fail-over</source>
        <translation>Repetir las escrit&amp;uras en curso en el nuevo servidor en la conmutación</translation>
    </message>
    <message>
        <source>Off: a write in flight when the server fails is answered with exception 0x0B, because it may already have been carried out. Turn on only for writes that are safe to repeat.</source>
        <translation>Desactivado: una escritura en curso cuando falla el servidor se responde con la excepción 0x0B, porque puede que ya se haya ejecutado. Actívelo solo para escrituras que se puedan repetir sin riesgo.</translation>
    </message>
    <message>
        <source>Live State</source>
        <translation>Estado actual</translation>
    </message>
    <message>
        <source>Active machine:</source>
        <translation>Equipo activo:</translation>
    </message>
    <message>
        <source>Primary:</source>
        <translation>Primario:</translation>
    </message>
    <message>
        <source>Secondary:</source>
        <translation>Secundario:</translation>
    </message>
    <message>
        <source>Last fail-over:</source>
        <translation>Última conmutación:</translation>
    </message>
    <message>
        <source>Make &amp;primary active</source>
        <translation>&amp;Activar equipo primario</translation>
    </message>
    <message>
        <source>Make s&amp;econdary active</source>
        <translation>Activar equipo s&amp;ecundario</translation>
    </message>
    <message>
        <source>not running (save the configuration to apply it)</source>
        <translation>no está en ejecución (guarde la configuración para aplicarla)</translation>
    </message>
    <message>
        <source>not running (redundancy is disabled)</source>
        <translation>no está en ejecución (la redundancia está desactivada)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n fail-over(s) since start)</source>
        <translation>
            <numerusform>%1 (%n conmutación desde el inicio)</numerusform>
            <numerusform>%1 (%n conmutaciones desde el inicio)</numerusform>
        </translation>
    </message>
    <message>
        <source>none since start</source>
        <translation>ninguna desde el inicio</translation>
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
        <translation>El modo Cold no admite la reconexión permanente al equipo primario</translation>
    </message>
    <message>
        <source>How many status queries in a row must fail before a machine counts as lost. Each failed query is repeated at once, so 3 costs three status timeouts. A closed or refused connection is lost at once whatever this says.</source>
        <translation>Cuántas consultas de estado seguidas deben fallar para que un equipo se dé por perdido. Cada consulta fallida se repite de inmediato, así que 3 supone tres tiempos de espera de consulta de estado. Una conexión cerrada o rechazada se da por perdida de inmediato, independientemente de este valor.</translation>
    </message>
    <message>
        <source>Failed status queries &amp;before a machine is lost:</source>
        <translation>Consultas de estado &amp;fallidas para dar un equipo por perdido:</translation>
    </message>
    <message>
        <source>Return to a&amp;utomatic</source>
        <translation>&amp;Volver a automático</translation>
    </message>
    <message>
        <source>End the operator&apos;s hold: the fail-over rules choose the machine again</source>
        <translation>Finalizar la fijación del operador: las reglas de conmutación vuelven a elegir el equipo</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>How long a recovered primary must stay healthy (and pass its monitor items) before traffic returns to it; also the shortest time between two switches while the active machine still communicates, so a flapping primary cannot cause a switch storm</source>
        <translation>Cuánto tiempo debe permanecer en buen estado un primario recuperado (y superar sus elementos de supervisión) antes de que el tráfico vuelva a él; también el tiempo mínimo entre dos conmutaciones mientras el equipo activo sigue comunicándose, para que un primario inestable no provoque una tormenta de conmutaciones</translation>
    </message>
    <message>
        <source>Has no effect: there is no fail-back without &quot;Always reconnect to primary machine upon availability&quot;</source>
        <translation>Sin efecto: no hay retorno sin «Reconectar siempre al equipo primario cuando esté disponible»</translation>
    </message>
    <message>
        <source>Shared by all clients (recommended)</source>
        <translation>Compartidas por todos los clientes (recomendado)</translation>
    </message>
    <message>
        <source>One per client</source>
        <translation>Una por cliente</translation>
    </message>
    <message>
        <source>Server connections:</source>
        <translation>Conexiones al servidor:</translation>
    </message>
    <message>
        <source>Shared: all clients&apos; requests go over one connection to each server (the status queries have one of their own). One per client: each client gets its own, as RedundancyMaster did; for servers that tie state to a connection. Changing it restarts the pair.</source>
        <translation>Compartidas: las peticiones de todos los clientes van por una conexión a cada servidor (las consultas de estado tienen una propia). Una por cliente: cada cliente tiene la suya, como en RedundancyMaster; para servidores que asocian estado a una conexión. Cambiarlo reinicia el par.</translation>
    </message>
    <message>
        <source>Modbus TCP only: OPC UA clients keep their own sessions with the proxy</source>
        <translation>Solo Modbus TCP: los clientes OPC UA mantienen sus propias sesiones con el proxy</translation>
    </message>
    <message>
        <source>Client Limits</source>
        <translation>Límites de clientes</translation>
    </message>
    <message>
        <source>Clients connected at once. At the limit a new client takes the place of the one idle longest, or is refused when none is idle.</source>
        <translation>Clientes conectados a la vez. En el límite, un cliente nuevo ocupa el lugar del inactivo desde hace más tiempo, o se rechaza si ninguno está inactivo.</translation>
    </message>
    <message>
        <source>Clients at most:</source>
        <translation>Clientes como máximo:</translation>
    </message>
    <message>
        <source>Requests in flight per client:</source>
        <translation>Peticiones en curso por cliente:</translation>
    </message>
    <message>
        <source>Unread answers per client (bytes):</source>
        <translation>Respuestas sin leer por cliente (bytes):</translation>
    </message>
    <message>
        <source>A client&apos;s requests forwarded before their answers come back; beyond it Tandem reads no more from that client for the moment</source>
        <translation>Peticiones de un cliente reenviadas antes de que vuelvan sus respuestas; por encima, Tandem deja de leer de ese cliente por el momento</translation>
    </message>
    <message>
        <source>Modbus TCP only</source>
        <translation>Solo Modbus TCP</translation>
    </message>
    <message>
        <source>Answers waiting for a client that does not read them; past it Tandem stops reading that client&apos;s requests, and closes it if they are still unread 10 seconds later</source>
        <translation>Respuestas que esperan a un cliente que no las lee; por encima, Tandem deja de leer las peticiones de ese cliente y lo cierra si siguen sin leer 10 segundos después</translation>
    </message>
</context>
<context>
    <name>tandem::HelpViewer</name>
    <message>
        <source>Tandem Help</source>
        <translation>Ayuda de Tandem</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>Adela&amp;nte</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>The page this help was opened on</source>
        <translation>La página en la que se abrió esta ayuda</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Contenido</translation>
    </message>
    <message>
        <source>%1 - Tandem Help</source>
        <translation>%1 - Ayuda de Tandem</translation>
    </message>
</context>
<context>
    <name>tandem::InstallServiceDialog</name>
    <message>
        <source>Install As Service</source>
        <translation>Instalar como servicio</translation>
    </message>
    <message>
        <source>Run the engine as a systemd service, so that the redundant servers keep running when the console is closed and when nobody is logged in.</source>
        <translation>Ejecutar el motor como servicio de systemd, para que los servidores redundantes sigan funcionando cuando la consola esté cerrada y cuando nadie haya iniciado sesión.</translation>
    </message>
    <message>
        <source>&amp;System service (all users, starts at boot)</source>
        <translation>Servicio del &amp;sistema (todos los usuarios, se inicia con el arranque)</translation>
    </message>
    <message>
        <source>Needs administrator rights: you will be asked for a password. The service runs %1, copied from your configuration when it does not exist yet.</source>
        <translation>Requiere derechos de administrador: se le pedirá una contraseña. El servicio usa %1, que se copia de su configuración si aún no existe.</translation>
    </message>
    <message>
        <source>&amp;User service (starts when you log in)</source>
        <translation>Servicio de &amp;usuario (se inicia cuando usted inicia sesión)</translation>
    </message>
    <message>
        <source>The service runs your own configuration, %1.</source>
        <translation>El servicio usa su propia configuración, %1.</translation>
    </message>
    <message>
        <source>systemd is not running on this machine (a container, or another init system), so the service cannot be installed and started here. You can write the unit file now and install it where systemd runs.</source>
        <translation>systemd no se está ejecutando en este equipo (un contenedor u otro sistema init), por lo que el servicio no se puede instalar ni iniciar aquí. Puede escribir ahora el archivo de unidad e instalarlo donde se ejecute systemd.</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Examinar...</translation>
    </message>
    <message>
        <source>Save the unit file as:</source>
        <translation>Guardar el archivo de unidad como:</translation>
    </message>
    <message>
        <source>&amp;Write Unit File Only</source>
        <translation>Escribir solo el &amp;archivo de unidad</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Instalar</translation>
    </message>
    <message>
        <source>Save Unit File</source>
        <translation>Guardar archivo de unidad</translation>
    </message>
    <message>
        <source>systemd units (*.service);;All files (*)</source>
        <translation>Unidades de systemd (*.service);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>tandem::ItemBrowserDialog</name>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Vista</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>Clase %1</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Browse Items on %1</source>
        <translation>Examinar elementos en %1</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nombre para mostrar</translation>
    </message>
    <message>
        <source>Node id</source>
        <translation>ID de nodo</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>&amp;Items:</source>
        <translation>&amp;Elementos:</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objetos</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>No se puede conectar a %1: %2</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation>Se perdió la conexión con %1: %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>the server answered with %1 results for one node</source>
        <translation>el servidor respondió con %1 resultados para un nodo</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>el servidor respondió %1</translation>
    </message>
    <message>
        <source>Browsing %1 on %2 failed: %3</source>
        <translation>Error al examinar %1 en %2: %3</translation>
    </message>
    <message>
        <source>Reading the data type of %1…</source>
        <translation>Leyendo el tipo de datos de %1…</translation>
    </message>
    <message>
        <source>Reading the data type of %1 from %2 failed: %3</source>
        <translation>Error al leer el tipo de datos de %1 en %2: %3</translation>
    </message>
    <message>
        <source>Connected to %1. Expand the folders and choose a variable.</source>
        <translation>Conectado a %1. Despliegue las carpetas y elija una variable.</translation>
    </message>
</context>
<context>
    <name>tandem::Keypad</name>
    <message>
        <source>Backspace</source>
        <translation>Retroceso</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>&amp;Keypad</source>
        <translation>&amp;Teclado en pantalla</translation>
    </message>
    <message>
        <source>If a keyboard is unavailable, use the on-screen keypad</source>
        <translation>Si no dispone de teclado, use el teclado en pantalla</translation>
    </message>
</context>
<context>
    <name>tandem::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>Predeterminado del &amp;sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language is used from the next start of the console.</source>
        <translation>El nuevo idioma se usará a partir del próximo inicio de la consola.</translation>
    </message>
    <message>
        <source>Restart the console now? Unsaved changes are asked about first.</source>
        <translation>¿Reiniciar la consola ahora? Primero se le preguntará por los cambios sin guardar.</translation>
    </message>
    <message>
        <source>&amp;Restart Now</source>
        <translation>&amp;Reiniciar ahora</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Más tarde</translation>
    </message>
</context>
<context>
    <name>tandem::Mailer</name>
    <message>
        <source>no SMTP password: %1</source>
        <translation>no hay contraseña SMTP: %1</translation>
    </message>
    <message>
        <source>(no secondary)</source>
        <translation>(sin secundario)</translation>
    </message>
    <message>
        <source>This is a test notification from Tandem on %1.</source>
        <translation>Esta es una notificación de prueba de Tandem en %1.</translation>
    </message>
</context>
<context>
    <name>tandem::MainWindow</name>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Supervisión</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation>Configuración: %1</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>Motor: %1</translation>
    </message>
    <message>
        <source>Tandem engine</source>
        <translation>Motor Tandem</translation>
    </message>
    <message>
        <source>The engine could not apply everything:</source>
        <translation>El motor no pudo aplicarlo todo:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the configuration and apply it</source>
        <translation>Guardar la configuración y aplicarla</translation>
    </message>
    <message>
        <source>&amp;Add Redundant Server Configuration...</source>
        <translation>&amp;Añadir configuración de servidor redundante...</translation>
    </message>
    <message>
        <source>&amp;Remove Redundant Server Configuration</source>
        <translation>&amp;Quitar configuración de servidor redundante</translation>
    </message>
    <message>
        <source>A&amp;lias Redundant Server Configuration...</source>
        <translation>Crear a&amp;lias de configuración de servidor redundante...</translation>
    </message>
    <message>
        <source>&amp;Unalias Redundant Server Configuration</source>
        <translation>&amp;Deshacer alias de configuración de servidor redundante</translation>
    </message>
    <message>
        <source>&amp;Enable Redundancy</source>
        <translation>Ac&amp;tivar redundancia</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation>&amp;Barra de herramientas</translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation>Barra de e&amp;stado</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Check Configuration</source>
        <translation>&amp;Comprobar configuración</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Contenido</translation>
    </message>
    <message>
        <source>&amp;Purchase a License...</source>
        <translation>Co&amp;mprar una licencia...</translation>
    </message>
    <message>
        <source>&amp;Unlock a License...</source>
        <translation>&amp;Desbloquear una licencia...</translation>
    </message>
    <message>
        <source>&amp;Transfer a License...</source>
        <translation>&amp;Transferir una licencia...</translation>
    </message>
    <message>
        <source>Technical &amp;Support</source>
        <translation>&amp;Soporte técnico</translation>
    </message>
    <message>
        <source>&amp;About Tandem</source>
        <translation>&amp;Acerca de Tandem</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>[configuration is modified]</source>
        <translation>[configuración modificada]</translation>
    </message>
    <message>
        <source>(Demo Expired)</source>
        <translation>(Demo caducada)</translation>
    </message>
    <message>
        <source>(Demo Expires %1:%2:%3)</source>
        <translation>(La demo caduca en %1:%2:%3)</translation>
    </message>
    <message>
        <source>(1 Day Left to Unlock)</source>
        <translation>(Queda 1 día para desbloquear)</translation>
    </message>
    <message numerus="yes">
        <source>(%n Days Left to Unlock)</source>
        <translation>
            <numerusform>(Queda %n día para desbloquear)</numerusform>
            <numerusform>(Quedan %n días para desbloquear)</numerusform>
        </translation>
    </message>
    <message>
        <source>Technical Support</source>
        <translation>Soporte técnico</translation>
    </message>
    <message>
        <source>For a serial number, an unlock password or help with Tandem, contact technical support:&lt;br&gt;&lt;br&gt;E-mail: &lt;a href=&quot;mailto:support@tandem.example&quot;&gt;support@tandem.example&lt;/a&gt;</source>
        <translation>Para obtener un número de serie, una contraseña de desbloqueo o ayuda con Tandem, póngase en contacto con el soporte técnico:&lt;br&gt;&lt;br&gt;Correo electrónico: &lt;a href=&quot;mailto:support@tandem.example&quot;&gt;support@tandem.example&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Please include this computer&apos;s Computer ID: %1</source>
        <translation>Incluya el ID de equipo de este equipo: %1</translation>
    </message>
    <message>
        <source>Application S/N: %1</source>
        <translation>N.º de serie de la aplicación: %1</translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation>Acerca de Tandem</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;Transparent primary/secondary redundancy for Modbus TCP and OPC UA servers.&lt;/p&gt;&lt;p&gt;License: %2&lt;br&gt;Computer ID: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;Redundancia primario/secundario transparente para servidores Modbus TCP y OPC UA.&lt;/p&gt;&lt;p&gt;Licencia: %2&lt;br&gt;ID de equipo: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Disable Redundancy</source>
        <translation>Desac&amp;tivar redundancia</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 guardado</translation>
    </message>
    <message>
        <source>Configuration not saved</source>
        <translation>Configuración no guardada</translation>
    </message>
    <message>
        <source>The configuration was not saved:</source>
        <translation>No se guardó la configuración:</translation>
    </message>
    <message>
        <source>Unalias</source>
        <translation>Deshacer alias</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be unaliased:</source>
        <translation>No se puede deshacer el alias &apos;%1&apos;:</translation>
    </message>
    <message>
        <source>Enable/Disable Redundancy</source>
        <translation>Activar/desactivar redundancia</translation>
    </message>
    <message>
        <source>The change could not be recorded:</source>
        <translation>No se pudo registrar el cambio:</translation>
    </message>
    <message>
        <source>Check Configuration</source>
        <translation>Comprobar configuración</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>La configuración es válida.</translation>
    </message>
    <message>
        <source>The configuration has problems:</source>
        <translation>La configuración tiene problemas:</translation>
    </message>
    <message>
        <source>The configuration has been modified. Save the changes before closing?</source>
        <translation>La configuración se ha modificado. ¿Guardar los cambios antes de cerrar?</translation>
    </message>
    <message>
        <source>&amp;Backup/Restore...</source>
        <translation>&amp;Copia de seguridad/restauración...</translation>
    </message>
    <message>
        <source>&amp;Help on This Tab</source>
        <translation>Ayuda sobre esta &amp;pestaña</translation>
    </message>
    <message>
        <source>C&amp;ertificates...</source>
        <translation>C&amp;ertificados...</translation>
    </message>
    <message>
        <source>&amp;OPC UA Users...</source>
        <translation>Usuarios &amp;OPC UA…</translation>
    </message>
</context>
<context>
    <name>tandem::MediaChooser</name>
    <message>
        <source>No removable media found: insert one and click Refresh, or choose a folder with Browse...</source>
        <translation>No se encontró ningún soporte extraíble: inserte uno y haga clic en Actualizar, o elija una carpeta con Examinar...</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Examinar...</translation>
    </message>
    <message>
        <source>Use any folder as the license media</source>
        <translation>Usar cualquier carpeta como soporte de licencia</translation>
    </message>
    <message>
        <source>This volume is mounted read-only</source>
        <translation>Este volumen está montado en solo lectura</translation>
    </message>
    <message>
        <source>Choose the license media</source>
        <translation>Elija el soporte de licencia</translation>
    </message>
</context>
<context>
    <name>tandem::MediaStepPage</name>
    <message>
        <source>Select the &amp;media:</source>
        <translation>Seleccione el sop&amp;orte:</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>Choose the media first: insert it and click Refresh, or click Browse... to use a folder.</source>
        <translation>Elija primero el soporte: insértelo y haga clic en Actualizar, o haga clic en Examinar... para usar una carpeta.</translation>
    </message>
</context>
<context>
    <name>tandem::MonitorItemDialog</name>
    <message>
        <source>Monitor Item</source>
        <translation>Elemento de supervisión</translation>
    </message>
    <message>
        <source>not used for Modbus TCP</source>
        <translation>no se usa en Modbus TCP</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>400001 or 2:300010</source>
        <translation>400001 o 2:300010</translation>
    </message>
    <message>
        <source>[UNIT:]Txxxxx: T = 0 coil, 1 discrete input, 3 input register, 4 holding register; xxxxx the 1-based reference</source>
        <translation>[UNIDAD:]Txxxxx: T = 0 coil, 1 entrada discreta, 3 registro de entrada, 4 registro de retención; xxxxx la referencia a partir de 1</translation>
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
        <translation>Examinar elementos</translation>
    </message>
    <message>
        <source>Browse the items of the primary machine %1</source>
        <translation>Examinar los elementos del equipo primario %1</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>&amp;Access path:</source>
        <translation>&amp;Ruta de acceso:</translation>
    </message>
    <message>
        <source>&amp;Item ID:</source>
        <translation>&amp;ID del elemento:</translation>
    </message>
    <message>
        <source>&amp;Data type:</source>
        <translation>&amp;Tipo de datos:</translation>
    </message>
    <message>
        <source>&amp;Update rate:</source>
        <translation>&amp;Velocidad de actualización:</translation>
    </message>
    <message>
        <source>Error Condition</source>
        <translation>Condición de error</translation>
    </message>
    <message>
        <source>&amp;Trigger:</source>
        <translation>&amp;Disparador:</translation>
    </message>
    <message>
        <source>The trigger data was auto-adjusted to %1 ms: the period without data changes must be at least twice the update rate (%2 ms).</source>
        <translation>Los datos del disparador se ajustaron automáticamente a %1 ms: el periodo sin cambios en los datos debe ser al menos el doble de la velocidad de actualización (%2 ms).</translation>
    </message>
    <message>
        <source>Item ID</source>
        <translation>ID del elemento</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>Tipo de datos</translation>
    </message>
    <message>
        <source>Update rate</source>
        <translation>Velocidad de actualización</translation>
    </message>
    <message>
        <source>Trigger data</source>
        <translation>Datos del disparador</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot browse the items: the primary machine &apos;%1&apos; is not valid: %2</source>
        <translation>No se pueden examinar los elementos: el equipo primario &apos;%1&apos; no es válido: %2</translation>
    </message>
    <message>
        <source>Cannot browse the items as %1: no password is stored for this user name; enter it on the General tab.</source>
        <translation>No se pueden examinar los elementos como %1: no hay contraseña guardada para este nombre de usuario; introdúzcala en la pestaña General.</translation>
    </message>
    <message>
        <source>Cannot browse the items as %1: the password cannot be read: %2</source>
        <translation>No se pueden examinar los elementos como %1: no se puede leer la contraseña: %2</translation>
    </message>
    <message>
        <source>not used for this trigger</source>
        <translation>no se usa con este disparador</translation>
    </message>
    <message>
        <source>the value that means the item is in error</source>
        <translation>el valor que indica que el elemento tiene un error</translation>
    </message>
    <message>
        <source>The item is in error while its value equals this value (arrays are not supported).</source>
        <translation>El elemento tiene un error mientras su valor sea igual a este (no se admiten matrices).</translation>
    </message>
    <message>
        <source>milliseconds, at least %1</source>
        <translation>milisegundos, al menos %1</translation>
    </message>
    <message>
        <source>The item is in error when no data change arrives for this many milliseconds; it must be at least twice the update rate (%1 ms).</source>
        <translation>El elemento tiene un error cuando no llega ningún cambio de datos durante estos milisegundos; debe ser al menos el doble de la velocidad de actualización (%1 ms).</translation>
    </message>
    <message>
        <source>Tri&amp;gger data:</source>
        <translation>Dat&amp;os del disparador:</translation>
    </message>
</context>
<context>
    <name>tandem::MonitoringPage</name>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Añadir...</translation>
    </message>
    <message>
        <source>&amp;Modify...</source>
        <translation>&amp;Modificar...</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Press F1 for help on this topic</source>
        <translation>Pulse F1 para obtener ayuda sobre este tema</translation>
    </message>
    <message>
        <source>Item ID</source>
        <translation>ID del elemento</translation>
    </message>
    <message>
        <source>Data Type</source>
        <translation>Tipo de datos</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Disparador</translation>
    </message>
    <message>
        <source>Trigger Data</source>
        <translation>Datos del disparador</translation>
    </message>
    <message>
        <source>Update Rate (ms)</source>
        <translation>Velocidad de actualización (ms)</translation>
    </message>
    <message>
        <source>Access Path</source>
        <translation>Ruta de acceso</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>A fail-over occurs when this many monitor items are in error (from 1 to the number of monitor items).</source>
        <translation>Se produce una conmutación cuando este número de elementos de supervisión tiene error (de 1 al número de elementos de supervisión).</translation>
    </message>
    <message>
        <source>Monitor item &amp;failure count:</source>
        <translation>Número de &amp;fallos de elementos de supervisión:</translation>
    </message>
    <message>
        <source>Monitor Item List</source>
        <translation>Lista de elementos de supervisión</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Supervisión</translation>
    </message>
    <message>
        <source>The change could not be applied:
%1</source>
        <translation>No se pudo aplicar el cambio:
%1</translation>
    </message>
</context>
<context>
    <name>tandem::NotificationsPage</name>
    <message>
        <source>E-Mail Setup</source>
        <translation>Configuración del correo</translation>
    </message>
    <message>
        <source>&amp;Enable e-mail notifications</source>
        <translation>&amp;Activar notificaciones por correo electrónico</translation>
    </message>
    <message>
        <source>The SMTP server tried first: smtp://host[:port] (STARTTLS) or smtps://host[:port].</source>
        <translation>El servidor SMTP que se prueba primero: smtp://host[:puerto] (STARTTLS) o smtps://host[:puerto].</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Used when the primary SMTP server cannot be reached.</source>
        <translation>Se usa cuando no se puede acceder al servidor SMTP primario.</translation>
    </message>
    <message>
        <source>One address per line</source>
        <translation>Una dirección por línea</translation>
    </message>
    <message>
        <source>Hint: Use Ctrl+Enter to insert a newline in the To, Header and Footer fields. Enter one address per line in To.</source>
        <translation>Consejo: use Ctrl+Intro para insertar un salto de línea en los campos Para, Encabezado y Pie de página. Introduzca una dirección por línea en Para.</translation>
    </message>
    <message>
        <source>Allow unencrypted SMTP (plain smtp:// without STARTTLS)</source>
        <translation>Permitir SMTP sin cifrar (smtp:// simple sin STARTTLS)</translation>
    </message>
    <message>
        <source>Sends the password and messages readable by anyone on the network. Only for a trusted local relay.</source>
        <translation>Envía la contraseña y los mensajes de forma legible para cualquiera en la red. Solo para un relé local de confianza.</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>Pro&amp;bar</translation>
    </message>
    <message>
        <source>Send a test e-mail to every recipient with the settings shown</source>
        <translation>Enviar un correo de prueba a todos los destinatarios con la configuración mostrada</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Connect, secure and log in to the primary SMTP server; no mail is sent</source>
        <translation>Conectar, asegurar e iniciar sesión en el servidor SMTP primario; no se envía ningún correo</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primario</translation>
    </message>
    <message>
        <source>secondary</source>
        <translation>secundario</translation>
    </message>
    <message>
        <source>&amp;Primary SMTP:</source>
        <translation>SMTP p&amp;rimario:</translation>
    </message>
    <message>
        <source>&amp;Secondary SMTP:</source>
        <translation>SMTP &amp;secundario:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De:</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>&amp;Encabezado:</translation>
    </message>
    <message>
        <source>Foote&amp;r:</source>
        <translation>Pie de pá&amp;gina:</translation>
    </message>
    <message>
        <source>Security and Delivery</source>
        <translation>Seguridad y entrega</translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation>las autoridades de certificación del sistema</translation>
    </message>
    <message>
        <source>A PEM file with the certificate authority of a private mail server; certificates are always verified.</source>
        <translation>Un archivo PEM con la autoridad de certificación de un servidor de correo privado; los certificados siempre se verifican.</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Examinar...</translation>
    </message>
    <message>
        <source>Certificate Authority</source>
        <translation>Autoridad de certificación</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificados PEM (*.pem *.crt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>none: no login</source>
        <translation>ninguno: sin inicio de sesión</translation>
    </message>
    <message>
        <source>new password</source>
        <translation>contraseña nueva</translation>
    </message>
    <message>
        <source>Store in &amp;Keychain</source>
        <translation>Guardar en el &amp;llavero</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain, never in the configuration file.</source>
        <translation>La contraseña se guarda en el llavero del sistema, nunca en el archivo de configuración.</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>How long an undelivered e-mail is retried before it is dropped with an error event.</source>
        <translation>Cuánto tiempo se reintenta un correo no entregado antes de descartarlo con un evento de error.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>At most one e-mail per window; events in between are listed together in the next one. 0 mails every event at once.</source>
        <translation>Como máximo un correo por ventana; los eventos intermedios se enumeran juntos en el siguiente. 0 envía cada evento de inmediato.</translation>
    </message>
    <message>
        <source>A server that does not finish the dialogue in this time counts as failed, and the other one is tried.</source>
        <translation>Un servidor que no termina el diálogo en este tiempo se considera fallido y se prueba el otro.</translation>
    </message>
    <message>
        <source>Retry for:</source>
        <translation>Reintentar durante:</translation>
    </message>
    <message>
        <source>One e-mail per:</source>
        <translation>Un correo cada:</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Tiempo de espera:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Usuar&amp;io:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contrase&amp;ña:</translation>
    </message>
    <message>
        <source>Select the &amp;diagnostics events that you would like to receive as an e-mail notification:</source>
        <translation>Seleccione los e&amp;ventos de diagnóstico que desea recibir como notificación por correo electrónico:</translation>
    </message>
    <message>
        <source>Send &amp;all events</source>
        <translation>Enviar &amp;todos los eventos</translation>
    </message>
    <message>
        <source>No login: the servers are used without a user name.</source>
        <translation>Sin inicio de sesión: los servidores se usan sin nombre de usuario.</translation>
    </message>
    <message>
        <source>Looking up the password of &apos;%1&apos; in the keychain...</source>
        <translation>Buscando la contraseña de &apos;%1&apos; en el llavero...</translation>
    </message>
    <message>
        <source>A password for &apos;%1&apos; is in the keychain.</source>
        <translation>Hay una contraseña para &apos;%1&apos; en el llavero.</translation>
    </message>
    <message>
        <source>No password for &apos;%1&apos; is in the keychain yet.</source>
        <translation>Aún no hay ninguna contraseña para &apos;%1&apos; en el llavero.</translation>
    </message>
    <message>
        <source>Passwords cannot be kept: %1</source>
        <translation>No se pueden guardar contraseñas: %1</translation>
    </message>
    <message>
        <source>Enter the user name first: the password belongs to it.</source>
        <translation>Introduzca primero el nombre de usuario: la contraseña le pertenece.</translation>
    </message>
    <message>
        <source>The password was NOT stored: %1</source>
        <translation>La contraseña NO se guardó: %1</translation>
    </message>
    <message>
        <source>The password for &apos;%1&apos; is stored in the keychain; a running engine uses it from its next reload.</source>
        <translation>La contraseña de &apos;%1&apos; está guardada en el llavero; un motor en ejecución la usará a partir de su próxima recarga.</translation>
    </message>
    <message>
        <source>A test e-mail needs the primary SMTP server, the sender and at least one recipient.</source>
        <translation>Un correo de prueba necesita el servidor SMTP primario, el remitente y al menos un destinatario.</translation>
    </message>
    <message>
        <source>%1: test e-mail accepted</source>
        <translation>%1: correo de prueba aceptado</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: refused %2</source>
        <translation>%1: rechazado %2</translation>
    </message>
    <message>
        <source>Enter the server first.</source>
        <translation>Introduzca primero el servidor.</translation>
    </message>
    <message>
        <source>%1: connection, security and login work</source>
        <translation>%1: la conexión, la seguridad y el inicio de sesión funcionan</translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation>Probando...</translation>
    </message>
    <message>
        <source>The SMTP password cannot be read: %1</source>
        <translation>No se puede leer la contraseña SMTP: %1</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>As&amp;unto:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Arc&amp;hivo de CA:</translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaIdentityBox</name>
    <message>
        <source>OPC UA Identities</source>
        <translation>Identidades OPC UA</translation>
    </message>
    <message>
        <source>A&amp;nonymous clients</source>
        <translation>Clientes a&amp;nónimos</translation>
    </message>
    <message>
        <source>Clients may open sessions without a user name.</source>
        <translation>Los clientes pueden abrir sesiones sin nombre de usuario.</translation>
    </message>
    <message>
        <source>OP&amp;C UA users (Tools › OPC UA Users…)</source>
        <translation>Usuarios OP&amp;C UA (Herramientas › Usuarios OPC UA…)</translation>
    </message>
    <message>
        <source>The users managed under Tools › OPC UA Users… or with tandemctl opcua user, each on the pairs it may use.</source>
        <translation>Los usuarios gestionados en Herramientas › Usuarios OPC UA… o con tandemctl opcua user, cada uno en los pares que puede usar.</translation>
    </message>
    <message>
        <source>The pair&apos;s user name an&amp;d its keychain password</source>
        <translation>El nombre de usuario del par y su contraseña del &amp;depósito de claves</translation>
    </message>
    <message>
        <source>The user name Tandem logs in with on the machines, as before OPC UA users existed.</source>
        <translation>El nombre de usuario con el que Tandem inicia sesión en las máquinas, como antes de existir los usuarios OPC UA.</translation>
    </message>
    <message>
        <source>&amp;X.509 user certificates</source>
        <translation>Certificados de usuario &amp;X.509</translation>
    </message>
    <message>
        <source>A user certificate trusted under Tools › Certificates…; the client proves it holds its key.</source>
        <translation>Un certificado de usuario de confianza en Herramientas › Certificados…; el cliente demuestra que posee su clave.</translation>
    </message>
    <message>
        <source>Passwords sent in c&amp;lear text</source>
        <translation>Contraseñas enviadas en texto c&amp;laro</translation>
    </message>
    <message>
        <source>Without this a client must encrypt its password with Tandem&apos;s certificate, which every current OPC UA client does.</source>
        <translation>Sin esto, un cliente debe cifrar su contraseña con el certificado de Tandem, como hace todo cliente OPC UA actual.</translation>
    </message>
    <message>
        <source>The user name Tandem logs in with on the primary machine; empty: the user name above. Its password: tandemctl pair set NAME --primary-password-stdin, else the user name&apos;s.</source>
        <translation>El nombre de usuario con el que Tandem inicia sesión en la máquina primaria; vacío: el nombre de usuario de arriba. Su contraseña: tandemctl pair set NAME --primary-password-stdin, si no, la del nombre de usuario.</translation>
    </message>
    <message>
        <source>The user name Tandem logs in with on the secondary machine; empty: the user name above. Its password: tandemctl pair set NAME --secondary-password-stdin, else the user name&apos;s.</source>
        <translation>El nombre de usuario con el que Tandem inicia sesión en la máquina secundaria; vacío: el nombre de usuario de arriba. Su contraseña: tandemctl pair set NAME --secondary-password-stdin, si no, la del nombre de usuario.</translation>
    </message>
    <message>
        <source>Send passwords to the machines in clear text if they offer nothin&amp;g else</source>
        <translation>Enviar contraseñas a las máquinas en texto claro si no ofrecen otra cosa (&amp;G)</translation>
    </message>
    <message>
        <source>Without this Tandem does not log in to a machine that wants the password in clear text, and says why.</source>
        <translation>Sin esto, Tandem no inicia sesión en una máquina que quiere la contraseña en texto claro, y dice por qué.</translation>
    </message>
    <message>
        <source>Clients of the endpoint may log on with:</source>
        <translation>Los clientes del punto de conexión pueden iniciar sesión con:</translation>
    </message>
    <message>
        <source>User on the primar&amp;y machine:</source>
        <translation>Usuario en la máquina primaria (&amp;Y):</translation>
    </message>
    <message>
        <source>Password on the primary machine:</source>
        <translation>Contraseña en la máquina primaria:</translation>
    </message>
    <message>
        <source>User on the secondary mac&amp;hine:</source>
        <translation>Usuario en la máquina secundaria (&amp;H):</translation>
    </message>
    <message>
        <source>Password on the secondary machine:</source>
        <translation>Contraseña en la máquina secundaria:</translation>
    </message>
    <message>
        <source>none: anonymous login</source>
        <translation>ninguno: inicio de sesión anónimo</translation>
    </message>
    <message>
        <source>This pair has the identities of a configuration from before these settings; changing one saves them all.</source>
        <translation>Este par tiene las identidades de una configuración anterior a estos ajustes; cambiar uno los guarda todos.</translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaLoginRows</name>
    <message>
        <source>none: anonymous login</source>
        <translation>ninguno: inicio de sesión anónimo</translation>
    </message>
    <message>
        <source>The user name Tandem logs in with on both machines; empty logs in anonymously. Its password is kept in the system keychain, never in tandem.xml.</source>
        <translation>El nombre de usuario con el que Tandem inicia sesión en ambos equipos; vacío inicia sesión de forma anónima. Su contraseña se guarda en el llavero del sistema, nunca en tandem.xml.</translation>
    </message>
    <message>
        <source>Press Enter to store the password of the user name in the system keychain. It never goes into tandem.xml, and a stored password is never shown here.</source>
        <translation>Pulse Intro para guardar la contraseña del nombre de usuario en el llavero del sistema. Nunca se guarda en tandem.xml, y una contraseña guardada nunca se muestra aquí.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nombre de usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contrase&amp;ña:</translation>
    </message>
    <message>
        <source>No user name: both machines are logged in to anonymously.</source>
        <translation>Sin nombre de usuario: se inicia sesión de forma anónima en ambos equipos.</translation>
    </message>
    <message>
        <source>enter the user name first</source>
        <translation>introduzca primero el nombre de usuario</translation>
    </message>
    <message>
        <source>Looking up the password of %1 in the system keychain…</source>
        <translation>Buscando la contraseña de %1 en el llavero del sistema…</translation>
    </message>
    <message>
        <source>A password is stored</source>
        <translation>Hay una contraseña guardada</translation>
    </message>
    <message>
        <source>No password stored for %1</source>
        <translation>No hay ninguna contraseña guardada para %1</translation>
    </message>
    <message>
        <source>Passwords cannot be kept: %1</source>
        <translation>No se pueden guardar contraseñas: %1</translation>
    </message>
    <message>
        <source>Enter the user name first: the password belongs to it.</source>
        <translation>Introduzca primero el nombre de usuario: la contraseña le pertenece.</translation>
    </message>
    <message>
        <source>Storing the password of %1 in the system keychain…</source>
        <translation>Guardando la contraseña de %1 en el llavero del sistema…</translation>
    </message>
    <message>
        <source>The password was not stored: %1</source>
        <translation>No se guardó la contraseña: %1</translation>
    </message>
    <message>
        <source>Stored in the system keychain</source>
        <translation>Guardada en el llavero del sistema</translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaSecurityGroup</name>
    <message>
        <source>OPC UA Security</source>
        <translation>Seguridad OPC UA</translation>
    </message>
    <message>
        <source>The security policy and mode of the connection to this server: the server must offer it</source>
        <translation>La política y el modo de seguridad de la conexión con este servidor: el servidor debe ofrecerlos</translation>
    </message>
    <message>
        <source>any certificate the trust list accepts</source>
        <translation>cualquier certificado que acepte la lista de confianza</translation>
    </message>
    <message>
        <source>The SHA-1 thumbprint of the certificate this server must present. Learned when you trust the server&apos;s certificate; clear it to accept any certificate the trust list accepts, e.g. after the server&apos;s certificate was renewed.</source>
        <translation>La huella SHA-1 del certificado que este servidor debe presentar. Se aprende al confiar en el certificado del servidor; vacíela para aceptar cualquier certificado de la lista de confianza, p. ej. tras renovarse el certificado del servidor.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Accept any certificate the trust list accepts</source>
        <translation>Aceptar cualquier certificado que acepte la lista de confianza</translation>
    </message>
    <message>
        <source>Expected certificate:</source>
        <translation>Certificado esperado:</translation>
    </message>
    <message>
        <source>Primary se&amp;curity:</source>
        <translation>Se&amp;guridad del equipo primario:</translation>
    </message>
    <message>
        <source>Seco&amp;ndary security:</source>
        <translation>Seguridad del e&amp;quipo secundario:</translation>
    </message>
    <message>
        <source>Allow &amp;deprecated security policies</source>
        <translation>Permitir políticas de seguridad o&amp;bsoletas</translation>
    </message>
    <message>
        <source>Basic128Rsa15 and Basic256 rest on SHA-1 and are no longer safe; allow them only for a server that offers nothing newer. Never offered to clients.</source>
        <translation>Basic128Rsa15 y Basic256 se basan en SHA-1 y ya no son seguras; permítalas solo para un servidor que no ofrezca nada más reciente. Nunca se ofrecen a los clientes.</translation>
    </message>
    <message>
        <source>Accept a &amp;host name mismatch</source>
        <translation>Aceptar un nombre de &amp;host distinto</translation>
    </message>
    <message>
        <source>Accept a trusted server certificate whose host names do not include the machine Tandem connects to (e.g. a server reached by an IP address its certificate does not name)</source>
        <translation>Aceptar un certificado de servidor de confianza cuyos nombres de host no incluyen la máquina a la que se conecta Tandem (p. ej. un servidor alcanzado por una dirección IP que su certificado no nombra)</translation>
    </message>
    <message>
        <source>What the pair&apos;s endpoint offers its clients; a client picks one</source>
        <translation>Lo que el endpoint del par ofrece a sus clientes; un cliente elige uno</translation>
    </message>
    <message>
        <source>Endpoint &amp;offers:</source>
        <translation>El endpoint &amp;ofrece:</translation>
    </message>
    <message>
        <source>%1 (deprecated)</source>
        <translation>%1 (obsoleta)</translation>
    </message>
    <message>
        <source>Warning: the endpoint offers None:None and is not on loopback: clients anywhere on the network can connect without signing or encrypting, and their passwords cross the network readable. Offer None only on 127.0.0.1 or localhost.</source>
        <translation>Advertencia: el endpoint ofrece None:None y no está en loopback: clientes de toda la red pueden conectarse sin firmar ni cifrar, y sus contraseñas cruzan la red legibles. Ofrezca None solo en 127.0.0.1 o localhost.</translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaSidePassword</name>
    <message>
        <source>Press Enter to store the password Tandem logs in with on this machine in the system keychain; without one the user name&apos;s password is used. It never goes into tandem.xml.</source>
        <translation>Pulse Intro para guardar en el depósito de claves del sistema la contraseña con la que Tandem inicia sesión en esta máquina; sin ella se usa la contraseña del nombre de usuario. Nunca va a tandem.xml.</translation>
    </message>
    <message>
        <source>A password of its own is stored</source>
        <translation>Hay guardada una contraseña propia</translation>
    </message>
    <message>
        <source>None of its own: the user name&apos;s password</source>
        <translation>Ninguna propia: la contraseña del nombre de usuario</translation>
    </message>
    <message>
        <source>Passwords cannot be kept: %1</source>
        <translation>No se pueden guardar contraseñas: %1</translation>
    </message>
    <message>
        <source>Storing the password in the system keychain…</source>
        <translation>Guardando la contraseña en el depósito de claves del sistema…</translation>
    </message>
    <message>
        <source>The password was not stored: %1</source>
        <translation>La contraseña no se guardó: %1</translation>
    </message>
    <message>
        <source>Stored in the system keychain</source>
        <translation>Guardada en el depósito de claves del sistema</translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaUserEditor</name>
    <message>
        <source>Add OPC UA User</source>
        <translation>Añadir usuario OPC UA</translation>
    </message>
    <message>
        <source>On &amp;all pairs</source>
        <translation>En &amp;todos los pares</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>&amp;Operador</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Repetir contra&amp;seña:</translation>
    </message>
    <message>
        <source>Pa&amp;irs:</source>
        <translation>Pa&amp;res:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Choose the pairs, or all pairs.</source>
        <translation>Elija los pares, o todos los pares.</translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaUsersDialog</name>
    <message>
        <source>OPC UA Users</source>
        <translation>Usuarios OPC UA</translation>
    </message>
    <message>
        <source>The users that may log on to the pairs&apos; OPC UA endpoints with a user name and password, where a pair accepts OPC UA users (General tab). Passwords are kept only as hashes in %1.</source>
        <translation>Los usuarios que pueden iniciar sesión con nombre de usuario y contraseña en los puntos de conexión OPC UA de los pares, donde un par acepta usuarios OPC UA (pestaña General). Las contraseñas se guardan solo como hashes en %1.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Pares</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>all pairs</source>
        <translation>todos los pares</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>The user was not added: %1</source>
        <translation>El usuario no se añadió: %1</translation>
    </message>
    <message>
        <source>Remove OPC UA User</source>
        <translation>Quitar usuario OPC UA</translation>
    </message>
    <message>
        <source>Remove the OPC UA user %1? Sessions it has open stay until they end.</source>
        <translation>¿Quitar el usuario OPC UA %1? Las sesiones que tenga abiertas siguen hasta que terminen.</translation>
    </message>
    <message>
        <source>The user was not removed: %1</source>
        <translation>El usuario no se quitó: %1</translation>
    </message>
</context>
<context>
    <name>tandem::PairRuntime</name>
    <message>
        <source>switched by the operator</source>
        <translation>conmutado por el operador</translation>
    </message>
    <message>
        <source>monitor items in error: %1</source>
        <translation>elementos de supervisión con error: %1</translation>
    </message>
    <message>
        <source>no communication</source>
        <translation>sin comunicación</translation>
    </message>
    <message>
        <source>primary machine: %1</source>
        <translation>equipo primario: %1</translation>
    </message>
    <message>
        <source>secondary machine: %1</source>
        <translation>equipo secundario: %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>connection mode changed to Cold</source>
        <translation>modo de conexión cambiado a Cold</translation>
    </message>
    <message>
        <source>server is shutting down</source>
        <translation>el servidor se está apagando</translation>
    </message>
    <message>
        <source>%1 (%2 in a row)</source>
        <translation>%1 (%2 veces seguidas)</translation>
    </message>
    <message>
        <source>made active by the operator</source>
        <translation>activado por el operador</translation>
    </message>
    <message>
        <source>fail-back: the primary machine has been healthy for %1 ms</source>
        <translation>retorno: el equipo primario lleva %1 ms en buen estado</translation>
    </message>
    <message>
        <source>fail-back to the primary machine</source>
        <translation>retorno al equipo primario</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>choose the primary or the secondary machine</source>
        <translation>elija el equipo primario o el secundario</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not running</source>
        <translation>&apos;%1&apos; no está en ejecución</translation>
    </message>
    <message>
        <source>redundancy is disabled for &apos;%1&apos;: it passes everything to the primary machine</source>
        <translation>la redundancia está desactivada para &apos;%1&apos;: pasa todo al equipo primario</translation>
    </message>
    <message>
        <source>the %1 machine of &apos;%2&apos; has no communication</source>
        <translation>el equipo %1 de &apos;%2&apos; no tiene comunicación</translation>
    </message>
    <message>
        <source>the %1 machine of &apos;%2&apos; has no communication: %3</source>
        <translation>el equipo %1 de &apos;%2&apos; no tiene comunicación: %3</translation>
    </message>
</context>
<context>
    <name>tandem::PrepareMediaPage</name>
    <message>
        <source>Prepare Removable Media for the Target Computer</source>
        <translation>Preparar un soporte extraíble para el equipo de destino</translation>
    </message>
    <message>
        <source>Step 2 of 4: the target computer prepares the media that will carry the license.</source>
        <translation>Paso 2 de 4: el equipo de destino prepara el soporte que llevará la licencia.</translation>
    </message>
    <message>
        <source>This is the source computer, the media is prepared: go to Step &amp;3</source>
        <translation>Este es el equipo de origen, el soporte está preparado: ir al paso &amp;3</translation>
    </message>
    <message>
        <source>Step 2: Source Computer Instructions</source>
        <translation>Paso 2: instrucciones para el equipo de origen</translation>
    </message>
    <message>
        <source>This step prepares license media on the target computer. Take removable media to the target computer and complete the procedure below there. Once the media is prepared, bring it back to this computer and continue with Step 3.</source>
        <translation>Este paso prepara el soporte de licencia en el equipo de destino. Lleve un soporte extraíble al equipo de destino y complete allí el procedimiento siguiente. Una vez preparado el soporte, tráigalo de vuelta a este equipo y continúe con el paso 3.</translation>
    </message>
    <message>
        <source>&amp;Prepare</source>
        <translation>&amp;Preparar</translation>
    </message>
    <message>
        <source>Step 2: Target Computer Instructions</source>
        <translation>Paso 2: instrucciones para el equipo de destino</translation>
    </message>
    <message>
        <source>Insert the media in this computer and click Prepare to make it a license disk for this computer:</source>
        <translation>Inserte el soporte en este equipo y haga clic en Preparar para convertirlo en un disco de licencia para este equipo:</translation>
    </message>
    <message>
        <source>Waiting to prepare a license disk.</source>
        <translation>Esperando para preparar un disco de licencia.</translation>
    </message>
    <message>
        <source>Waiting to prepare a license disk. This computer holds a license (serial no. %1), so it can only be the source of a transfer.</source>
        <translation>Esperando para preparar un disco de licencia. Este equipo tiene una licencia (n.º de serie %1), por lo que solo puede ser el origen de una transferencia.</translation>
    </message>
    <message>
        <source>The media at %1 is prepared for this computer (Computer ID %2). Take it to the source computer and transfer the license to it there (Step 3); then bring it back and install the license here (Step 4). Click Next to continue.</source>
        <translation>El soporte en %1 está preparado para este equipo (ID de equipo %2). Llévelo al equipo de origen y transfiera allí la licencia a él (paso 3); después tráigalo de vuelta e instale aquí la licencia (paso 4). Haga clic en Siguiente para continuar.</translation>
    </message>
    <message>
        <source>The media was not prepared: %1.</source>
        <translation>El soporte no se preparó: %1.</translation>
    </message>
    <message>
        <source>If this is the source computer, skip to Step 3.</source>
        <translation>Si este es el equipo de origen, vaya directamente al paso 3.</translation>
    </message>
</context>
<context>
    <name>tandem::PurchaseDialog</name>
    <message>
        <source>Tandem License</source>
        <translation>Licencia de Tandem</translation>
    </message>
    <message>
        <source>Please contact technical support to purchase a serial number that will license this application.</source>
        <translation>Póngase en contacto con el soporte técnico para comprar un número de serie que licencie esta aplicación.</translation>
    </message>
    <message>
        <source>XXXXX-XXXXX-...</source>
        <translation>XXXXX-XXXXX-...</translation>
    </message>
    <message>
        <source>&amp;Serial number:</source>
        <translation>&amp;Número de serie:</translation>
    </message>
    <message numerus="yes">
        <source>Once the serial number is entered, Tandem runs without limits for a grace period of %n day(s). Unlock it for this computer within that time (Help › Unlock a License...).</source>
        <translation>
            <numerusform>Una vez introducido el número de serie, Tandem funciona sin límites durante un periodo de gracia de %n día. Desbloquéelo para este equipo dentro de ese plazo (Ayuda › Desbloquear una licencia...).</numerusform>
            <numerusform>Una vez introducido el número de serie, Tandem funciona sin límites durante un periodo de gracia de %n días. Desbloquéelo para este equipo dentro de ese plazo (Ayuda › Desbloquear una licencia...).</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the serial number you received from technical support.</source>
        <translation>Introduzca el número de serie que recibió del soporte técnico.</translation>
    </message>
    <message>
        <source>The serial number was not accepted: %1.</source>
        <translation>No se aceptó el número de serie: %1.</translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>This application has been licensed and may now be unlocked for unlimited use. Would you like to unlock this application at this time?</source>
        <translation>Esta aplicación tiene licencia y ahora se puede desbloquear para un uso ilimitado. ¿Desea desbloquear esta aplicación ahora?</translation>
    </message>
    <message numerus="yes">
        <source>Until it is unlocked, the license runs for a grace period of %n day(s).</source>
        <translation>
            <numerusform>Hasta que se desbloquee, la licencia funciona durante un periodo de gracia de %n día.</numerusform>
            <numerusform>Hasta que se desbloquee, la licencia funciona durante un periodo de gracia de %n días.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ServerDiscoveryDialog</name>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Firmar</translation>
    </message>
    <message>
        <source>Sign &amp; Encrypt</source>
        <translation>Firmar y cifrar</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>No válido</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anónimo</translation>
    </message>
    <message>
        <source>UserName</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>IssuedToken</source>
        <translation>Token emitido</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>(no indicado)</translation>
    </message>
    <message>
        <source>Browse OPC UA Servers</source>
        <translation>Examinar servidores OPC UA</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>host[:port]</source>
        <translation>host[:puerto]</translation>
    </message>
    <message>
        <source>The machine to ask for its OPC UA servers, as host name or IP address with an optional port (4840 when omitted)</source>
        <translation>El equipo al que se piden sus servidores OPC UA, como nombre de host o dirección IP con un puerto opcional (4840 si se omite)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Servers and endpoints:</source>
        <translation>&amp;Servidores y puntos finales:</translation>
    </message>
    <message>
        <source>Server / Endpoint URL</source>
        <translation>Servidor / URL del punto final</translation>
    </message>
    <message>
        <source>Security mode</source>
        <translation>Modo de seguridad</translation>
    </message>
    <message>
        <source>Security policy</source>
        <translation>Política de seguridad</translation>
    </message>
    <message>
        <source>User identity</source>
        <translation>Identidad de usuario</translation>
    </message>
    <message>
        <source>Searching %1 …</source>
        <translation>Buscando en %1 …</translation>
    </message>
    <message>
        <source>No OPC UA server found on %1: %2.</source>
        <translation>No se encontró ningún servidor OPC UA en %1: %2.</translation>
    </message>
    <message>
        <source>%1 did not list its OPC UA servers: %2.</source>
        <translation>%1 no enumeró sus servidores OPC UA: %2.</translation>
    </message>
    <message>
        <source>no endpoints: %1</source>
        <translation>sin puntos finales: %1</translation>
    </message>
    <message>
        <source>%1 at %2 did not list its endpoints: %3.</source>
        <translation>%1 en %2 no enumeró sus puntos finales: %3.</translation>
    </message>
    <message>
        <source>the server has none</source>
        <translation>el servidor no tiene ninguno</translation>
    </message>
    <message>
        <source>Tandem connects over opc.tcp only: %1</source>
        <translation>Tandem solo se conecta mediante opc.tcp: %1</translation>
    </message>
    <message>
        <source>Choose to connect to %1</source>
        <translation>Elegir para conectarse a %1</translation>
    </message>
    <message numerus="yes">
        <source>Found %n OPC UA server(s) on %1.</source>
        <translation>
            <numerusform>Se encontró %n servidor OPC UA en %1.</numerusform>
            <numerusform>Se encontraron %n servidores OPC UA en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lists no OPC UA servers.</source>
        <translation>%1 no enumera ningún servidor OPC UA.</translation>
    </message>
    <message>
        <source>Cannot connect securely to %1: %2</source>
        <translation>No se puede conectar de forma segura a %1: %2</translation>
    </message>
    <message>
        <source>Connecting securely to %1 …</source>
        <translation>Conectando de forma segura a %1 …</translation>
    </message>
    <message>
        <source>Tandem does not know the security policy %1 with security mode %2.</source>
        <translation>Tandem no conoce la política de seguridad %1 con el modo de seguridad %2.</translation>
    </message>
    <message>
        <source>A secured endpoint is chosen from a pair&apos;s General tab, where Tandem&apos;s certificates are at hand.</source>
        <translation>Un punto final seguro se elige desde la pestaña General de un par, donde están los certificados de Tandem.</translation>
    </message>
    <message>
        <source>The security policy %1 is deprecated, and the pair does not allow deprecated policies.</source>
        <translation>La política de seguridad %1 está obsoleta y el par no permite políticas obsoletas.</translation>
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
Los clientes se conectan a: %3
Primario: %4
Secundario: %5</translation>
    </message>
    <message>
        <source>redundancy enabled</source>
        <translation>redundancia activada</translation>
    </message>
    <message>
        <source>Click here to add redundancy to a server</source>
        <translation>Haga clic aquí para añadir redundancia a un servidor</translation>
    </message>
    <message>
        <source>Server aliased by the configurations below</source>
        <translation>Servidor con alias en las configuraciones siguientes</translation>
    </message>
    <message>
        <source>pass-through (redundancy disabled): clients are served by the primary only</source>
        <translation>paso directo (redundancia desactivada): los clientes solo los atiende el equipo primario</translation>
    </message>
</context>
<context>
    <name>tandem::ServiceController</name>
    <message>
        <source>&amp;Install As Service...</source>
        <translation>&amp;Instalar como servicio...</translation>
    </message>
    <message>
        <source>&amp;Uninstall As Service</source>
        <translation>&amp;Desinstalar servicio</translation>
    </message>
    <message>
        <source>&amp;Reset Prompt Dialogs</source>
        <translation>&amp;Restablecer diálogos de confirmación</translation>
    </message>
    <message>
        <source>Install As Service</source>
        <translation>Instalar como servicio</translation>
    </message>
    <message>
        <source>The configuration has unsaved changes. Save it first: the service runs the saved configuration.</source>
        <translation>La configuración tiene cambios sin guardar. Guárdela primero: el servicio usa la configuración guardada.</translation>
    </message>
    <message>
        <source>Write Unit File</source>
        <translation>Escribir archivo de unidad</translation>
    </message>
    <message>
        <source>The unit file was not written.</source>
        <translation>No se escribió el archivo de unidad.</translation>
    </message>
    <message>
        <source>No file name was given.</source>
        <translation>No se indicó ningún nombre de archivo.</translation>
    </message>
    <message>
        <source>Copy it to %1, then run:</source>
        <translation>Cópielo en %1 y después ejecute:</translation>
    </message>
    <message>
        <source>Once systemd runs, start the service with:</source>
        <translation>Cuando systemd se esté ejecutando, inicie el servicio con:</translation>
    </message>
    <message>
        <source>The unit file was written to %1.</source>
        <translation>El archivo de unidad se escribió en %1.</translation>
    </message>
    <message>
        <source>A different tandemd user service is installed:
%1

Replace it? The old unit is kept as a .bak file.</source>
        <translation>Hay instalado un servicio de usuario tandemd distinto:
%1

¿Sustituirlo? La unidad anterior se conserva como archivo .bak.</translation>
    </message>
    <message>
        <source>The user service was not installed.</source>
        <translation>No se instaló el servicio de usuario.</translation>
    </message>
    <message>
        <source>The engine now runs as your user service: %1</source>
        <translation>El motor se ejecuta ahora como su servicio de usuario: %1</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>no se puede ejecutar %1: %2</translation>
    </message>
    <message>
        <source>A different tandemd system service is installed:
%1

Replace it? The old unit is kept as a .bak file.</source>
        <translation>Hay instalado un servicio del sistema tandemd distinto:
%1

¿Sustituirlo? La unidad anterior se conserva como archivo .bak.</translation>
    </message>
    <message>
        <source>The system service was not installed.</source>
        <translation>No se instaló el servicio del sistema.</translation>
    </message>
    <message>
        <source>The system service now runs the pairs of %1. Reopen the console on the service&apos;s configuration?</source>
        <translation>El servicio del sistema ejecuta ahora los pares de %1. ¿Volver a abrir la consola con la configuración del servicio?</translation>
    </message>
    <message>
        <source>Your own configuration (%1) stays as it is; this console no longer runs its pairs.</source>
        <translation>Su propia configuración (%1) queda como está; esta consola ya no ejecuta sus pares.</translation>
    </message>
    <message>
        <source>The system service runs the pairs; this console shows %1 without an engine.</source>
        <translation>El servicio del sistema ejecuta los pares; esta consola muestra %1 sin motor.</translation>
    </message>
    <message>
        <source>system service</source>
        <translation>servicio del sistema</translation>
    </message>
    <message>
        <source>user service</source>
        <translation>servicio de usuario</translation>
    </message>
    <message>
        <source>Uninstall As Service</source>
        <translation>Desinstalar servicio</translation>
    </message>
    <message>
        <source>Stop and remove the tandemd %1?</source>
        <translation>¿Detener y eliminar el %1 de tandemd?</translation>
    </message>
    <message>
        <source>Its pairs stop with it; the configuration and the state stay, and this console runs the pairs of its configuration itself again.</source>
        <translation>Sus pares se detienen con él; la configuración y el estado se conservan, y esta consola vuelve a ejecutar ella misma los pares de su configuración.</translation>
    </message>
    <message>
        <source>The user service was not removed.</source>
        <translation>No se eliminó el servicio de usuario.</translation>
    </message>
    <message>
        <source>The system service was not removed.</source>
        <translation>No se eliminó el servicio del sistema.</translation>
    </message>
    <message>
        <source>Reset Prompt Dialogs</source>
        <translation>Restablecer diálogos de confirmación</translation>
    </message>
    <message>
        <source>No prompt was set to &quot;Don&apos;t ask again&quot;.</source>
        <translation>Ningún diálogo de confirmación tenía marcado «No volver a preguntar».</translation>
    </message>
    <message numerus="yes">
        <source>%n prompt(s) set to &quot;Don&apos;t ask again&quot; will be shown again.</source>
        <translation>
            <numerusform>%n diálogo de confirmación marcado con «No volver a preguntar» se volverá a mostrar.</numerusform>
            <numerusform>%n diálogos de confirmación marcados con «No volver a preguntar» se volverán a mostrar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>Pairs stop when the console closes. Install as a service to keep them running.</source>
        <translation>Los pares se detienen al cerrar la consola. Instale Tandem como servicio para que sigan ejecutándose.</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) run in this console&apos;s own engine.</source>
        <translation>
            <numerusform>%n par se ejecuta en el motor propio de esta consola.</numerusform>
            <numerusform>%n pares se ejecutan en el motor propio de esta consola.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::StreamConnection</name>
    <message>
        <source>connection closed by the peer</source>
        <translation>conexión cerrada por el otro extremo</translation>
    </message>
</context>
<context>
    <name>tandem::StreamListener</name>
    <message>
        <source>cannot listen on %1: not a local address</source>
        <translation>no se puede escuchar en %1: no es una dirección local</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>no se puede escuchar en %1:%2: %3</translation>
    </message>
    <message>
        <source>it was the longest idle of %1 clients and a new one came</source>
        <translation>era el inactivo desde hace más tiempo de %1 clientes y llegó uno nuevo</translation>
    </message>
    <message>
        <source>%1 clients are connected, none of them idle</source>
        <translation>hay %1 clientes conectados, ninguno inactivo</translation>
    </message>
    <message>
        <source>it left %1 bytes of answers unread for %2 s</source>
        <translation>dejó %1 bytes de respuestas sin leer durante %2 s</translation>
    </message>
</context>
<context>
    <name>tandem::TransferInPage</name>
    <message>
        <source>Transfer the License from the Media to the Target Computer</source>
        <translation>Transferir la licencia del soporte al equipo de destino</translation>
    </message>
    <message>
        <source>Step 4 of 4: the target computer installs the license from the media.</source>
        <translation>Paso 4 de 4: el equipo de destino instala la licencia desde el soporte.</translation>
    </message>
    <message>
        <source>Step 4: Source Computer Instructions</source>
        <translation>Paso 4: instrucciones para el equipo de origen</translation>
    </message>
    <message>
        <source>This final step moves the license from the media to the target computer. Take the media holding the license from Step 3 to the target computer and complete the procedure below there.</source>
        <translation>Este último paso mueve la licencia del soporte al equipo de destino. Lleve el soporte con la licencia del paso 3 al equipo de destino y complete allí el procedimiento siguiente.</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>T&amp;ransferir</translation>
    </message>
    <message>
        <source>Step 4: Target Computer Instructions</source>
        <translation>Paso 4: instrucciones para el equipo de destino</translation>
    </message>
    <message>
        <source>Insert the media holding the license from Step 3 in this computer, and click Transfer to install the license here:</source>
        <translation>Inserte en este equipo el soporte con la licencia del paso 3 y haga clic en Transferir para instalar aquí la licencia:</translation>
    </message>
    <message>
        <source>Waiting to install the license from the media.</source>
        <translation>Esperando para instalar la licencia desde el soporte.</translation>
    </message>
    <message>
        <source>The unfinished transfer could not be completed: %1.</source>
        <translation>No se pudo completar la transferencia sin terminar: %1.</translation>
    </message>
    <message>
        <source>The license was not installed: %1.</source>
        <translation>No se instaló la licencia: %1.</translation>
    </message>
    <message>
        <source>The license is installed on this computer; the media holds no license any more. Click Next to finish.</source>
        <translation>La licencia está instalada en este equipo; el soporte ya no contiene ninguna licencia. Haga clic en Siguiente para terminar.</translation>
    </message>
</context>
<context>
    <name>tandem::TransferOutPage</name>
    <message>
        <source>Transfer the License from the Source Computer to the Media</source>
        <translation>Transferir la licencia del equipo de origen al soporte</translation>
    </message>
    <message>
        <source>Step 3 of 4: the source computer moves its license onto the prepared media.</source>
        <translation>Paso 3 de 4: el equipo de origen mueve su licencia al soporte preparado.</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>T&amp;ransferir</translation>
    </message>
    <message>
        <source>Step 3: Source Computer Instructions</source>
        <translation>Paso 3: instrucciones para el equipo de origen</translation>
    </message>
    <message>
        <source>Insert the license media prepared in Step 2 on the target computer, and click Transfer to move the license to it. The license leaves this computer.</source>
        <translation>Inserte el soporte de licencia preparado en el paso 2 en el equipo de destino y haga clic en Transferir para mover la licencia a él. La licencia sale de este equipo.</translation>
    </message>
    <message>
        <source>&amp;Cancel the transfer</source>
        <translation>Ca&amp;ncelar la transferencia</translation>
    </message>
    <message>
        <source>Keep the license on this computer; the media no longer holds it</source>
        <translation>Conservar la licencia en este equipo; el soporte ya no la contiene</translation>
    </message>
    <message>
        <source>This is the target computer, the license is on the media: go to Step &amp;4</source>
        <translation>Este es el equipo de destino, la licencia está en el soporte: ir al paso &amp;4</translation>
    </message>
    <message>
        <source>Step 3: Target Computer Instructions</source>
        <translation>Paso 3: instrucciones para el equipo de destino</translation>
    </message>
    <message>
        <source>This step moves the license from the source computer to the media. Take the media prepared in Step 2 to the source computer and complete the procedure above there. When you are back with the media, continue with Step 4.</source>
        <translation>Este paso mueve la licencia del equipo de origen al soporte. Lleve el soporte preparado en el paso 2 al equipo de origen y complete allí el procedimiento anterior. Cuando vuelva con el soporte, continúe con el paso 4.</translation>
    </message>
    <message>
        <source>Waiting to transfer the license to the media.</source>
        <translation>Esperando para transferir la licencia al soporte.</translation>
    </message>
    <message>
        <source>The unfinished transfer could not be completed: %1.</source>
        <translation>No se pudo completar la transferencia sin terminar: %1.</translation>
    </message>
    <message>
        <source>The license was not transferred: %1.</source>
        <translation>No se transfirió la licencia: %1.</translation>
    </message>
    <message>
        <source>The license is on the media at %1 and has left this computer. Take the media to the target computer and complete Step 4 there. Click Next to finish here.</source>
        <translation>La licencia está en el soporte en %1 y ha salido de este equipo. Lleve el soporte al equipo de destino y complete allí el paso 4. Haga clic en Siguiente para terminar aquí.</translation>
    </message>
    <message>
        <source>The license is on the media at %1, sealed for the computer %2, and has left this computer. Take the media to that computer and complete Step 4 there. Click Next to finish here.</source>
        <translation>La licencia está en el soporte en %1, sellada para el equipo %2, y ha salido de este equipo. Lleve el soporte a ese equipo y complete allí el paso 4. Haga clic en Siguiente para terminar aquí.</translation>
    </message>
    <message>
        <source>The transfer was cancelled: the license stays on this computer.</source>
        <translation>Se canceló la transferencia: la licencia permanece en este equipo.</translation>
    </message>
    <message>
        <source>The transfer could not be cancelled: %1.</source>
        <translation>No se pudo cancelar la transferencia: %1.</translation>
    </message>
</context>
<context>
    <name>tandem::TransferWizard</name>
    <message>
        <source>Transfer a License</source>
        <translation>Transferir una licencia</translation>
    </message>
</context>
<context>
    <name>tandem::UnlockDialog</name>
    <message>
        <source>Tandem Unlock</source>
        <translation>Desbloqueo de Tandem</translation>
    </message>
    <message>
        <source>Please contact technical support to obtain a password that will unlock this application. They need the serial number and the Computer ID below.</source>
        <translation>Póngase en contacto con el soporte técnico para obtener una contraseña que desbloquee esta aplicación. Necesitarán el número de serie y el ID de equipo que aparecen abajo.</translation>
    </message>
    <message>
        <source>Application S/N:</source>
        <translation>N.º de serie de la aplicación:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the Computer ID to the clipboard</source>
        <translation>Copiar el ID de equipo al portapapeles</translation>
    </message>
    <message>
        <source>Computer ID:</source>
        <translation>ID de equipo:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message numerus="yes">
        <source>If technical support cannot be reached now, click Cancel: Tandem runs without limits for the rest of its grace period (%n day(s) left), and the title bar shows the days left to unlock.</source>
        <translation>
            <numerusform>Si ahora no puede contactar con el soporte técnico, haga clic en Cancelar: Tandem funciona sin límites durante el resto de su periodo de gracia (queda %n día), y la barra de título muestra los días que quedan para desbloquear.</numerusform>
            <numerusform>Si ahora no puede contactar con el soporte técnico, haga clic en Cancelar: Tandem funciona sin límites durante el resto de su periodo de gracia (quedan %n días), y la barra de título muestra los días que quedan para desbloquear.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n-day grace period is over: until the license is unlocked, the demo limits apply.</source>
        <translation>
            <numerusform>El periodo de gracia de %n día ha terminado: hasta que se desbloquee la licencia, se aplican los límites de la demo.</numerusform>
            <numerusform>El periodo de gracia de %n días ha terminado: hasta que se desbloquee la licencia, se aplican los límites de la demo.</numerusform>
        </translation>
    </message>
    <message>
        <source>This license is unlocked already.</source>
        <translation>Esta licencia ya está desbloqueada.</translation>
    </message>
    <message>
        <source>No license is installed: enter a serial number first (Help › Purchase a License...).</source>
        <translation>No hay ninguna licencia instalada: introduzca primero un número de serie (Ayuda › Comprar una licencia...).</translation>
    </message>
    <message>
        <source>The license cannot be read: %1.</source>
        <translation>No se puede leer la licencia: %1.</translation>
    </message>
    <message>
        <source>The Computer ID cannot be determined: %1.</source>
        <translation>No se puede determinar el ID de equipo: %1.</translation>
    </message>
    <message>
        <source>Enter the password you received from technical support.</source>
        <translation>Introduzca la contraseña que recibió del soporte técnico.</translation>
    </message>
    <message>
        <source>The password was not accepted: %1.</source>
        <translation>No se aceptó la contraseña: %1.</translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>This application has been unlocked for unlimited use on this computer.</source>
        <translation>Esta aplicación se ha desbloqueado para un uso ilimitado en este equipo.</translation>
    </message>
</context>
<context>
    <name>tandem::UntrustedCertificateDialog</name>
    <message>
        <source>Untrusted Server Certificate</source>
        <translation>Certificado de servidor no fiable</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>El servidor</translation>
    </message>
    <message>
        <source>The server %1</source>
        <translation>El servidor %1</translation>
    </message>
    <message>
        <source>%1 presented a certificate that Tandem does not trust (%2), so the connection was refused. Trust it only if it is the certificate the server really has.</source>
        <translation>%1 presentó un certificado en el que Tandem no confía (%2), por lo que se rechazó la conexión. Confíe en él solo si es el certificado que el servidor tiene realmente.</translation>
    </message>
    <message>
        <source>&amp;Expect exactly this certificate from the secondary server of %1</source>
        <translation>&amp;Esperar exactamente este certificado del servidor secundario de %1</translation>
    </message>
    <message>
        <source>&amp;Expect exactly this certificate from the primary server of %1</source>
        <translation>&amp;Esperar exactamente este certificado del servidor primario de %1</translation>
    </message>
    <message>
        <source>The pair then refuses any other certificate from this server, even one the trust list accepts. Save the configuration to keep it.</source>
        <translation>El par rechaza entonces cualquier otro certificado de este servidor, aunque lo acepte la lista de confianza. Guarde la configuración para conservarlo.</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>C&amp;onfiar</translation>
    </message>
    <message>
        <source>Trust Server Certificate</source>
        <translation>Confiar en el certificado del servidor</translation>
    </message>
    <message>
        <source>Compare the thumbprint with the one the server shows in its own configuration before you trust it:

%1

Trust this certificate?</source>
        <translation>Compare la huella con la que muestra el servidor en su propia configuración antes de confiar en él:

%1

¿Confiar en este certificado?</translation>
    </message>
    <message>
        <source>The certificate was not trusted: %1</source>
        <translation>No se confió en el certificado: %1</translation>
    </message>
    <message>
        <source>The certificate is trusted, but the pair does not expect it: %1</source>
        <translation>Se confía en el certificado, pero el par no lo espera: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>tandem::modbus::ModbusProxy</name>
    <message>
        <source>malformed Modbus frame (%1)</source>
        <translation>trama Modbus mal formada (%1)</translation>
    </message>
</context>
<context>
    <name>tandem::opcua::Client</name>
    <message>
        <source>no answer within the connect timeout</source>
        <translation>sin respuesta dentro del tiempo de espera de conexión</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an OPC UA URL like opc.tcp://host:4840</source>
        <translation>&apos;%1&apos; no es una URL OPC UA como opc.tcp://host:4840</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>el servidor cerró la conexión</translation>
    </message>
    <message>
        <source>the server refused: %1%2</source>
        <translation>el servidor rechazó: %1%2</translation>
    </message>
    <message>
        <source>the server sent an unexpected Acknowledge</source>
        <translation>el servidor envió un Acknowledge inesperado</translation>
    </message>
    <message>
        <source>the server aborted the answer: %1</source>
        <translation>el servidor abortó la respuesta: %1</translation>
    </message>
    <message>
        <source>the server closed the secure channel</source>
        <translation>el servidor cerró el canal seguro</translation>
    </message>
    <message>
        <source>opening the secure channel failed: %1</source>
        <translation>error al abrir el canal seguro: %1</translation>
    </message>
    <message>
        <source>renewing the secure channel failed: %1</source>
        <translation>error al renovar el canal seguro: %1</translation>
    </message>
    <message>
        <source>creating a session failed: %1</source>
        <translation>error al crear una sesión: %1</translation>
    </message>
    <message>
        <source>the server does not accept anonymous sessions; configure a user name</source>
        <translation>el servidor no acepta sesiones anónimas; configure un nombre de usuario</translation>
    </message>
    <message>
        <source>the server takes user names only encrypted with %1, which Tandem does not support</source>
        <translation>el servidor solo acepta nombres de usuario cifrados con %1, que Tandem no admite</translation>
    </message>
    <message>
        <source>the server does not accept user names on an unsecured endpoint</source>
        <translation>el servidor no acepta nombres de usuario en un punto final no seguro</translation>
    </message>
    <message>
        <source>the password cannot be encrypted for the server: %1</source>
        <translation>no se puede cifrar la contraseña para el servidor: %1</translation>
    </message>
    <message>
        <source>the server refused the user name &apos;%1&apos;: %2</source>
        <translation>el servidor rechazó el nombre de usuario &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>activating the session failed: %1</source>
        <translation>error al activar la sesión: %1</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>la conexión se cerró</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>no conectado</translation>
    </message>
    <message>
        <source>the request of %1 bytes exceeds the server&apos;s limit of %2</source>
        <translation>la petición de %1 bytes supera el límite del servidor de %2</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>sin respuesta en %1 ms</translation>
    </message>
    <message>
        <source>the server returned %1 results for %2 requested</source>
        <translation>el servidor devolvió %1 resultados para %2 solicitados</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>el servidor respondió %1</translation>
    </message>
    <message>
        <source>the server sent an undecodable ServiceFault: %1</source>
        <translation>el servidor envió un ServiceFault no descodificable: %1</translation>
    </message>
    <message>
        <source>the server sent a ServiceFault without a code</source>
        <translation>el servidor envió un ServiceFault sin código</translation>
    </message>
    <message>
        <source>the server answered with message type i=%1 instead of i=%2</source>
        <translation>el servidor respondió con el tipo de mensaje i=%1 en lugar de i=%2</translation>
    </message>
    <message>
        <source>the server sent an undecodable answer: %1</source>
        <translation>el servidor envió una respuesta no descodificable: %1</translation>
    </message>
    <message>
        <source>the server ended the session: %1</source>
        <translation>el servidor terminó la sesión: %1</translation>
    </message>
    <message>
        <source>the server&apos;s certificate cannot be used: %1</source>
        <translation>El certificado del servidor no se puede usar: %1</translation>
    </message>
    <message>
        <source>asking the server&apos;s endpoints failed: %1</source>
        <translation>La consulta de los puntos de conexión del servidor falló: %1</translation>
    </message>
    <message>
        <source>the server offers no endpoint with %1; it offers %2</source>
        <translation>El servidor no ofrece ningún punto de conexión con %1; ofrece %2</translation>
    </message>
    <message>
        <source>the server&apos;s %1 endpoint carries no certificate</source>
        <translation>El punto de conexión %1 del servidor no lleva certificado</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is refused: %1</source>
        <translation>El certificado del servidor se rechaza: %1</translation>
    </message>
    <message>
        <source>the server sent a broken message: %1 (%2)</source>
        <translation>El servidor envió un mensaje defectuoso: %1 (%2)</translation>
    </message>
    <message>
        <source>the server&apos;s nonce is unusable: %1</source>
        <translation>El nonce del servidor no se puede usar: %1</translation>
    </message>
    <message>
        <source>the server&apos;s session nonce has %1 bytes, fewer than 32</source>
        <translation>El nonce de sesión del servidor tiene %1 bytes, menos de 32</translation>
    </message>
    <message>
        <source>the server&apos;s session certificate is not the one of its endpoint</source>
        <translation>El certificado de sesión del servidor no es el de su punto de conexión</translation>
    </message>
    <message>
        <source>the server&apos;s session signature is refused: %1</source>
        <translation>La firma de sesión del servidor se rechaza: %1</translation>
    </message>
    <message>
        <source>signing the session failed: %1</source>
        <translation>La firma de la sesión falló: %1</translation>
    </message>
    <message>
        <source>the server takes the password of &apos;%1&apos; only in clear text, which the pair does not allow (allow clear-text passwords towards the servers)</source>
        <translation>el servidor solo acepta la contraseña de «%1» en texto claro, lo que el par no permite (permita contraseñas en texto claro hacia los servidores)</translation>
    </message>
    <message>
        <source>the request cannot be secured: %1</source>
        <translation>La solicitud no se puede proteger: %1</translation>
    </message>
</context>
<context>
    <name>tandem::opcua::OpcUaLink</name>
    <message>
        <source>the password of OPC UA user &apos;%1&apos; cannot be read: %2</source>
        <translation>no se puede leer la contraseña del usuario OPC UA &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>la conexión se cerró</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>no conectado</translation>
    </message>
    <message>
        <source>ServerStatus is unreadable: %1</source>
        <translation>ServerStatus no se puede leer: %1</translation>
    </message>
    <message>
        <source>the server announced its shutdown in %1 s</source>
        <translation>el servidor anunció su apagado en %1 s</translation>
    </message>
    <message>
        <source>the server is shutting down</source>
        <translation>el servidor se está apagando</translation>
    </message>
    <message>
        <source>the server&apos;s state is %1</source>
        <translation>el estado del servidor es %1</translation>
    </message>
    <message>
        <source>the server&apos;s service level is 0 (maintenance)</source>
        <translation>el nivel de servicio del servidor es 0 (mantenimiento)</translation>
    </message>
    <message>
        <source>service level %1</source>
        <translation>nivel de servicio %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an OPC UA node id such as ns=2;s=Tag or i=2258</source>
        <translation>&apos;%1&apos; no es un ID de nodo OPC UA como ns=2;s=Tag o i=2258</translation>
    </message>
    <message>
        <source>the security policy %1 is deprecated and the pair does not allow deprecated policies</source>
        <translation>La directiva de seguridad %1 está obsoleta y el par no permite directivas obsoletas</translation>
    </message>
    <message>
        <source>no certificate store</source>
        <translation>No hay almacén de certificados</translation>
    </message>
    <message>
        <source>Tandem&apos;s own certificate cannot be used: %1</source>
        <translation>El certificado propio de Tandem no se puede usar: %1</translation>
    </message>
    <message>
        <source>the server presents the certificate %1, the pair expects %2</source>
        <translation>El servidor presenta el certificado %1, el par espera %2</translation>
    </message>
</context>
<context>
    <name>tandem::opcua::OpcUaProxy</name>
    <message>
        <source>undecodable request (type i=%1): %2</source>
        <translation>petición no descodificable (tipo i=%1): %2</translation>
    </message>
    <message>
        <source>undecodable request (type i=%1)</source>
        <translation>petición no descodificable (tipo i=%1)</translation>
    </message>
    <message>
        <source>the secure channel&apos;s token expired</source>
        <translation>el token del canal seguro ha caducado</translation>
    </message>
    <message>
        <source>no certificate store</source>
        <translation>No hay almacén de certificados</translation>
    </message>
</context>
</TS>
