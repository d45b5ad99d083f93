<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>BackupArchive</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot copy %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Tandem backup: it is too large (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Tandem backup: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Tandem backup: it does not start with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Tandem backup: %2 is not a Tandem manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a Tandem backup of format version %2; this Tandem reads version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: its manifest lists &apos;%2&apos;, which is not part of a Tandem backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: its manifest lists %2 twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: it holds %2, which its manifest does not list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad checksum of %1 in %2: the archive is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: %2 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the engine is running (it answers on %1): stop it first, then restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 is not a valid configuration: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept the previous %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restored %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every pair is disabled; enable them with: tandemctl pair enable NAME</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComputerId</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not hold a machine id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elements are nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document type declarations are not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not well-formed XML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown element &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown attribute &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a data type (Default, Boolean, Word, Short, DWord, Long, Float, Double)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a trigger (bad-quality, value, no-change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &lt;pair&gt; needs a name attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a protocol (modbus-tcp, opcua)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a connection mode (cold, warm, hot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;alias-of&gt; needs the original name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pair has no &lt;listen&gt; endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pair has no &lt;primary&gt; machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pair has no &lt;secondary&gt; machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1 bytes, larger than any configuration could be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not a Tandem configuration (expected &lt;tandem&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;tandem&gt; has no valid version attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written by a newer Tandem (schema version %1; this version reads up to %2). Update Tandem; the file was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema version %1 is older than any this version can read; the file was left unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigValidator</name>
    <message>
        <source>must be from %1 to %2%3 (is %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; starts or ends with a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name can have at most 128 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; contains &apos;%2&apos;: names cannot include the characters &lt;, &gt; and &amp;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; contains a control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address like operator@plant.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an SMTP server URL like smtp://mail.plant.example:587 or smtps://mail.plant.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid host name or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: port must be a number from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: give the user name separately; the password belongs in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: an SMTP URL has no path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an item ID is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the &apos;specific value&apos; trigger needs the value to watch for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; Modbus items hold numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the &apos;no change&apos; trigger needs a time in milliseconds (is &apos;%1&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least twice the update rate, %1 ms (is %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1 ms (is %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold mode does not support &quot;Always reconnect to primary machine&quot;; choose Warm or Hot, or turn the option off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the status timeout (%1 ms) must not be longer than the status interval (%2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 monitor items per pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be from 1 to the number of monitor items, %1 (is %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a user name is for OPC UA pairs only; Modbus TCP has no log-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user name &apos;%1&apos; starts or ends with blanks or holds a line break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name &apos;%1&apos; is used by two pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoint %1 is already used by pair &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail is enabled but no primary SMTP server is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail is enabled but no sender (From) is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail is enabled but there is no recipient (To)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: give the CA file as an absolute path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known event id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlServer</name>
    <message>
        <source>another Tandem engine is already running with the state directory %1 (socket %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the control socket %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Tandem engine is running with the state directory %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the engine did not answer within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the engine sent an answer that is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataType</name>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DurableFile</name>
    <message>
        <source>cannot sync the folder %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot rename %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot wipe %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <source>&apos;%1&apos; has an opening &apos;[&apos; without a closing &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: expected &apos;:PORT&apos; after &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: write IPv6 addresses in brackets, like [::1]:502</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: port must be a number from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no host name or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid host name or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no machine given: enter a host name or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an OPC UA machine: write host[:port][/path] or opc.tcp://host[:port][/path]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the path must not contain spaces, &apos;?&apos; or &apos;#&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no endpoint given: clients need an address and port to connect to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no port: write ADDRESS:PORT, like 127.0.0.1:1502</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an OPC UA URL like opc.tcp://localhost:4841/line1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemAddress</name>
    <message>
        <source>&apos;%1&apos;: the unit before &apos;:&apos; must be a number from 0 to 255</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Modbus reference: write [UNIT:]Txxxxx, T = 0 coil, 1 discrete input, 3 input register, 4 holding register (e.g. 400001 or 2:300010)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the first digit must be 0, 1, 3 or 4 (coil, discrete input, input register, holding register)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the reference after the table digit must be from 1 to 65536</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coils and discrete inputs hold single bits: use data type Default or Boolean, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 at %2 would run past the last address 65536</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LicenseFile</name>
    <message>
        <source>%1 holds a serial number that is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored unlock password does not fit this computer (Computer ID %1); unlock the license again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; move the file away to enter a new serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this serial number is installed already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a license (serial no. %1) is installed on this computer already; transfer it away first so that it is not lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter a serial number first (Help › Purchase a License)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LicenseStatus</name>
    <message>
        <source>Demo: full function for 2 hours per engine start</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Licensed (%1 pair(s), %2 edition, serial no. %3): %n day(s) left to unlock</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Licensed but not unlocked within %1 days: demo limits apply until it is unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Unlocked (%n pair(s), %1 edition, serial no. %2)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LicenseTransfer</name>
    <message>
        <source>%1 reads back differently from what was written: the media is faulty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist: is the media inserted and mounted?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The media holds a license for the computer %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The media was prepared by the computer %1; a transfer to it is unfinished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The media was prepared by the computer %1 and waits for the license.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The media holds no license transfer yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer holds a license already (serial no. %1); a second one would be lost here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the media at %1 holds a license for the computer %2: install it there first (Step 4) or use other media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1 on the media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer holds no license to transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the media at %1 was not prepared: prepare it on the target computer first (Step 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: prepare the media again on the target computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the media was prepared on this computer: take it to the target computer and prepare it there (Step 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the media holds a license for the computer %1 already: install it there first (Step 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the license stays on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is gone. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted transfer to %1 was undone; the license stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted transfer to %1 was finished: the license is on the media, ready for the target computer (Step 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no transfer out of this computer is unfinished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the license may already be on the media at %1: insert it, so that the transfer can be finished or undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer holds a license already (serial no. %1); it would be lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the transfer on the source computer is not finished: take the media back there and run Step 3 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the media holds no license yet: take it to the source computer (Step 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no Tandem license media in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this license media was prepared for the computer %1, and this computer (%2) holds no matching key: it did not prepare it, or it installed the license from it already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this license media was prepared for the computer %1, not for this one (%2); a copy of license media is of no use on another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this license media answers an older preparation of this computer; prepare new media (Step 2) and transfer again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the license on the media is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license from %1 is installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer of the license to the media at %1 is unfinished: insert the media and transfer again to finish it, or cancel the transfer to keep the license on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MachineState</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged (%2); every pair starts disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the state folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModbusLink</name>
    <message>
        <source>exception 0x01 (illegal function)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exception 0x02 (illegal data address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exception 0x03 (illegal data value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exception 0x04 (server device failure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exception 0x0A (gateway path unavailable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exception 0x0B (gateway target device failed to respond)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exception 0x%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection within the status timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many requests in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer to the status query within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>it is damaged or not a Tandem outbox; it was moved to %1 and a new one started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <source>no password is stored in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain is not available (%1); start a Secret Service such as gnome-keyring in this session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemovableMedia</name>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serial</name>
    <message>
        <source>this is not a Tandem serial number (it has %1 characters of 0-9 and A-Z in groups of five; check for a missing or extra group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the serial number is not valid: a character is wrong, or it was not issued for this product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the serial number is for a newer version of Tandem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmtpClient</name>
    <message>
        <source>&apos;%1&apos; is not an SMTP server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libcurl could not be initialised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 s (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS; use smtps://, or allow plain text for this configuration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tandem</name>
    <message>
        <source>Item data set to bad quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item data set to a specific value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item data changes for a given time period (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold: Active machine only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm: Both machines, subscribe to items on active machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot: Both machines, subscribe to items on both machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Informational</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol identifier is %1, Modbus uses 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MBAP length is %1, must be from 2 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TandemEvent</name>
    <message>
        <source>Tandem engine started with %1 pair(s) running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem engine stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration &apos;%1&apos; applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration &apos;%1&apos; was rejected and the previous one keeps running: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot serve clients of &apos;%1&apos; on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail notification could not be sent through &apos;%1&apos; nor &apos;%2&apos;; it stays in the outbox and is retried: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail notification delivered again through &apos;%1&apos;; %2 mail(s) wait in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail notification &apos;%1&apos; was delivered through &apos;%2&apos;, but the server refused: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail notification &apos;%1&apos; to %2 was dropped after %3 attempt(s) over %4 hour(s); the last error: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail outbox &apos;%1&apos; could not be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo period ends in %1 minute(s): then the engine stops serving. Enter a serial number (Help › Purchase a License).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo period is over: the engine stopped serving its clients. Restart it for another demo period, or license Tandem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license allows %1 pair(s); &apos;%2&apos; is enabled beyond that and does not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed the connection of a client of &apos;%1&apos; from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event history &apos;%1&apos; could not be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt to add monitor item &apos;%3&apos; for &apos;%1&apos; on primary machine &apos;%2&apos; failed. This monitor item will be considered in error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt to add monitor item &apos;%3&apos; for &apos;%1&apos; on secondary machine &apos;%2&apos; failed. This monitor item will be considered in error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected from &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected from &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed to connect to &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed to connect to &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor item &apos;%3&apos; for &apos;%1&apos; on primary machine &apos;%2&apos; contains array data which is not supported for the &apos;specific value&apos; trigger condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor item &apos;%3&apos; for &apos;%1&apos; on secondary machine &apos;%2&apos; contains array data which is not supported for the &apos;specific value&apos; trigger condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor item test in error for &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor item test in error for &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor item test passed for &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor item test passed for &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promoted active connection for server &apos;%1&apos; to primary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promoted active connection for server &apos;%1&apos; to secondary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received shutdown notification from server &apos;%1&apos; on primary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received shutdown notification from server &apos;%1&apos; on secondary machine &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to retrieve status for server &apos;%1&apos; on primary machine &apos;%2&apos;. Server communications has been lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to retrieve status for server &apos;%1&apos; on secondary machine &apos;%2&apos;. Server communications has been lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; on primary machine &apos;%2&apos; reports a degraded %3; the secondary machine is preferred while it is healthy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; on secondary machine &apos;%2&apos; reports a degraded %3; the primary machine is preferred while it is healthy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; on primary machine &apos;%2&apos; reports a healthy %3 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; on secondary machine &apos;%2&apos; reports a healthy %3 again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TandemEventPlaceholders</name>
    <message>
        <source>pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file,reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server,endpoint,reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary SMTP,secondary SMTP,reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP server,count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject,SMTP server,recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject,recipients,attempts,hours,error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pairs,server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server,client,reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server,machine,item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server,machine,level</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TarFile</name>
    <message>
        <source>it is empty or not a tar archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is truncated (the end of the archive is missing after %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is truncated (the end of the archive is incomplete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 has no ustar header (not a Tandem backup archive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header of entry %1 is damaged (bad header checksum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 has the unsafe name &apos;%2&apos; (absolute or with &apos;..&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file (tar type &apos;%2&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the size of %1 is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large (%2 bytes; at most %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds more than %1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is truncated (%1 is cut short)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPassword</name>
    <message>
        <source>this is not an unlock password (0-9 and A-Z in groups of five; check for a missing or extra group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the unlock password does not fit this serial number and Computer ID %1: a character is wrong, or it was issued for another computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserToken</name>
    <message>
        <source>the security policy %1 is not one Tandem can encrypt a password for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent no certificate to encrypt the password with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not a valid X.509 certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate holds no RSA key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s RSA key is too small</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypting the password failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem redundancy console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration file (default ~/.config/tandem/tandem.xml).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State directory (default ~/.local/state/tandem).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stands in for /etc/machine-id (tests, demos).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the console: en, de or es (default: View › Language, else the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language &apos;%1&apos;: use en, de or es.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some machine-local state could not be read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file could not be read. It was left unchanged and Tandem will not save over it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine could not run everything:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::AddPairDialog</name>
    <message>
        <source>Add Redundant Server Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. line1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modbus TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OPC UA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rotocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host or host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Primary (Hostname or IP Address):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secondary (Hostname or IP Address):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;mode:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::AgreementPage</name>
    <message>
        <source>License Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 1 of 4: read and accept the license agreement before moving a license from one computer to another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;accept the terms of this license agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I do &amp;not accept the terms of this license agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Before you begin:&lt;/b&gt; have removable media ready (any USB stick or card with a little free space; it needs no special format) and make sure you can reach both computers. Once the license has left the source computer, finish the remaining steps: until it is installed on the target computer, neither computer can use it. An interruption (a pulled stick, a crash, a power cut) does not lose the license: every stage is journaled, and the next run of this wizard finishes or undoes the unfinished step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tandem Software License Agreement&lt;/h3&gt;&lt;p&gt;The software license agreement under which this copy of Tandem was licensed applies to the license you are about to transfer, unchanged. A license serves one computer at a time: transferring it moves it to the target computer and removes it from the source computer; it does not copy it.&lt;/p&gt;&lt;p&gt;For the full text of the agreement, contact technical support (Help › Technical Support).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::AliasDialog</name>
    <message>
        <source>Alias Redundant Server Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: alias names cannot include the characters &lt;, &gt; and &amp;. Clients that should use this pair connect to its new endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::CompletionPage</name>
    <message>
        <source>Congratulations!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 5: the license transfer is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Congratulations! The license has been transferred to this computer. The media no longer holds it and need not be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The License Has Left This Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 5: this computer&apos;s part of the transfer is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license is on the media at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license is on the media at %1, for the computer %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the media to the target computer and install the license there (Help › Transfer a License..., Step 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license was moved in this run of the wizard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s license: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The license must be unlocked for this computer within %n day(s): contact technical support with the serial number and Computer ID below, and enter the password they issue in Help › Unlock a License...

Application S/N: %1
Computer ID: %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ConfigDocument</name>
    <message>
        <source>not saved: this file could not be read when Tandem started, and saving would overwrite it. Fix or move the file, then start Tandem again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no pair named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pair named &apos;%1&apos; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pair is renamed by aliasing it, not by editing its settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already an alias of &apos;%2&apos;; unalias it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot unalias &apos;%1&apos;: its original name &apos;%2&apos; is in use as a redundant server configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot unalias &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::DiagnosticsPage</name>
    <message>
        <source>Event View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events appear here once the Tandem engine runs and records them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every event to a text file, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the event view and the events preserved on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preserve events to disk on shutdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the event view across restarts; new events are appended to the preserved ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once this many events are held, the oldest are discarded (%1 to %2, default %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Maximum number of events to capture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Save Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The events could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the event view and every event preserved on disk? This cannot be undone; use Save As first to keep a copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::EngineHost</name>
    <message>
        <source>the engine has no event history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the engine has no e-mail outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pair &apos;%1&apos; is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not primary or secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 machine of &apos;%2&apos; is not healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::EngineSession</name>
    <message>
        <source>The connection to the engine (tandemd) was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tandemd (pid %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine in this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 machine of &apos;%2&apos; is not healthy; it cannot be made active.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::EventModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::EventStore</name>
    <message>
        <source>it is damaged or not a Tandem event history; it was moved to %1 and a new one started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::GeneralPage</name>
    <message>
        <source>Press F1 for help on this topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address clients connect to instead of the server, e.g. 127.0.0.1:1502 or opc.tcp://localhost:4841/line1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse primary servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the OPC UA servers on the primary machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Primary (Hostname or IP Address):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse secondary servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the OPC UA servers on the secondary machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secondary (Hostname or IP Address):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redundancy Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Always reconnect to primary machine upon availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query server status &amp;interval (ms):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query server status &amp;timeout (ms):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a recovered primary must stay healthy before traffic returns to it, so a flapping primary cannot cause a switch storm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fail-back hold-off (ms):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item read as the status query (Modbus reference, e.g. 400001 or 2:300010). Any answer proves the server alive, except exceptions 0x0A/0x0B of a gateway whose device is unreachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status &amp;query item:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replay writes in flight on the new server at fail-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: a write in flight when the server fails is answered with exception 0x0B, because it may already have been carried out. Turn on only for writes that are safe to repeat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active machine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last fail-over:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;primary active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make s&amp;econdary active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not running (save the configuration to apply it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not running (redundancy is disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected, degraded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>connected, %n monitor item(s) in error</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secondary (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: no server is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n fail-over(s) since start)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>none since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OPC UA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modbus TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold mode does not support always reconnecting to the primary machine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::HelpViewer</name>
    <message>
        <source>Tandem Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ItemBrowserDialog</name>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse Items on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered with %1 results for one node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browsing %1 on %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the data type of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the data type of %1 from %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1. Expand the folders and choose a variable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::Keypad</name>
    <message>
        <source>Backspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keypad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If a keyboard is unavailable, use the on-screen keypad</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next start of the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the console now? Unsaved changes are asked about first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::Mailer</name>
    <message>
        <source>no SMTP password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no secondary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a test notification from Tandem on %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::MainWindow</name>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine could not apply everything:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the configuration and apply it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Redundant Server Configuration...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Redundant Server Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;lias Redundant Server Configuration...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unalias Redundant Server Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable Redundancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purchase a License...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock a License...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer a License...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical &amp;Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[configuration is modified]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Demo Expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Demo Expires %1:%2:%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(1 Day Left to Unlock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n Days Left to Unlock)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Technical Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a serial number, an unlock password or help with Tandem, contact technical support:&lt;br&gt;&lt;br&gt;E-mail: &lt;a href=&quot;mailto:support@tandem.example&quot;&gt;support@tandem.example&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please include this computer&apos;s Computer ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application S/N: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;Transparent primary/secondary redundancy for Modbus TCP and OPC UA servers.&lt;/p&gt;&lt;p&gt;License: %2&lt;br&gt;Computer ID: %3&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable Redundancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration was not saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unalias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be unaliased:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable/Disable Redundancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be recorded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration has problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration has been modified. Save the changes before closing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::MediaChooser</name>
    <message>
        <source>No removable media found: insert one and click Refresh, or choose a folder with Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use any folder as the license media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This volume is mounted read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the license media</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::MediaStepPage</name>
    <message>
        <source>Select the &amp;media:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the media first: insert it and click Refresh, or click Browse... to use a folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::MonitorItemDialog</name>
    <message>
        <source>Monitor Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used for Modbus TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>400001 or 2:300010</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[UNIT:]Txxxxx: T = 0 coil, 1 discrete input, 3 input register, 4 holding register; xxxxx the 1-based reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ns=2;s=Channel1.Device1.Tag1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the items of the primary machine %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Access path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trigger:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trigger data was auto-adjusted to %1 ms: the period without data changes must be at least twice the update rate (%2 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot browse the items: the primary machine &apos;%1&apos; is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot browse the items as %1: no password is stored for this user name; enter it on the General tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot browse the items as %1: the password cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used for this trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value that means the item is in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item is in error while its value equals this value (arrays are not supported).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>milliseconds, at least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item is in error when no data change arrives for this many milliseconds; it must be at least twice the update rate (%1 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tri&amp;gger data:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::MonitoringPage</name>
    <message>
        <source>&amp;Add...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Modify...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press F1 for help on this topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update Rate (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fail-over occurs when this many monitor items are in error (from 1 to the number of monitor items).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor item &amp;failure count:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor Item List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be applied:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::NotificationsPage</name>
    <message>
        <source>E-Mail Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable e-mail notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server tried first: smtp://host[:port] (STARTTLS) or smtps://host[:port].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used when the primary SMTP server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One address per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint: Use Ctrl+Enter to insert a newline in the To, Header and Footer fields. Enter one address per line in To.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow unencrypted SMTP (plain smtp:// without STARTTLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends the password and messages readable by anyone on the network. Only for a trusted local relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test e-mail to every recipient with the settings shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect, secure and log in to the primary SMTP server; no mail is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Primary SMTP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secondary SMTP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foote&amp;r:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security and Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PEM file with the certificate authority of a private mail server; certificates are always verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate Authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: no login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store in &amp;Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is kept in the system keychain, never in the configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long an undelivered e-mail is retried before it is dropped with an error event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most one e-mail per window; events in between are listed together in the next one. 0 mails every event at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server that does not finish the dialogue in this time counts as failed, and the other one is tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One e-mail per:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the &amp;diagnostics events that you would like to receive as an e-mail notification:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;all events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No login: the servers are used without a user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the password of &apos;%1&apos; in the keychain...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password for &apos;%1&apos; is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password for &apos;%1&apos; is in the keychain yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords cannot be kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user name first: the password belongs to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was NOT stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password for &apos;%1&apos; is stored in the keychain; a running engine uses it from its next reload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test e-mail needs the primary SMTP server, the sender and at least one recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: test e-mail accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: refused %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: connection, security and login work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP password cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::OpcUaLoginRows</name>
    <message>
        <source>none: anonymous login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name Tandem logs in with on both machines; empty logs in anonymously. Its password is kept in the system keychain, never in tandem.xml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to store the password of the user name in the system keychain. It never goes into tandem.xml, and a stored password is never shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user name: both machines are logged in to anonymously.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the user name first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the password of %1 in the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password is stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password stored for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords cannot be kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user name first: the password belongs to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the password of %1 in the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::PairRuntime</name>
    <message>
        <source>monitor items in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switched by the operator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::PrepareMediaPage</name>
    <message>
        <source>Prepare Removable Media for the Target Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 2 of 4: the target computer prepares the media that will carry the license.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the source computer, the media is prepared: go to Step &amp;3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 2: Source Computer Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step prepares license media on the target computer. Take removable media to the target computer and complete the procedure below there. Once the media is prepared, bring it back to this computer and continue with Step 3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prepare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 2: Target Computer Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert the media in this computer and click Prepare to make it a license disk for this computer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to prepare a license disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to prepare a license disk. This computer holds a license (serial no. %1), so it can only be the source of a transfer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The media at %1 is prepared for this computer (Computer ID %2). Take it to the source computer and transfer the license to it there (Step 3); then bring it back and install the license here (Step 4). Click Next to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The media was not prepared: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If this is the source computer, skip to Step 3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::PurchaseDialog</name>
    <message>
        <source>Tandem License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please contact technical support to purchase a serial number that will license this application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XXXXX-XXXXX-...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Serial number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Once the serial number is entered, Tandem runs without limits for a grace period of %n day(s). Unlock it for this computer within that time (Help › Unlock a License...).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the serial number you received from technical support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The serial number was not accepted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This application has been licensed and may now be unlocked for unlimited use. Would you like to unlock this application at this time?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Until it is unlocked, the license runs for a grace period of %n day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ServerDiscoveryDialog</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp; Encrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UserName</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IssuedToken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse OPC UA Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host[:port]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The machine to ask for its OPC UA servers, as host name or IP address with an optional port (4840 when omitted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Servers and endpoints:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server / Endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OPC UA server found on %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not list its OPC UA servers: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no endpoints: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 did not list its endpoints: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server has none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem connects over opc.tcp only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem connects with security policy None only; this endpoint requires %1 with security mode %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose to connect to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Found %n OPC UA server(s) on %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lists no OPC UA servers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ServerTree</name>
    <message>
        <source>%1 (%2)
Clients connect to: %3
Primary: %4
Secondary: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redundancy enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redundancy disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click here to add redundancy to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server aliased by the configurations below</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::TransferInPage</name>
    <message>
        <source>Transfer the License from the Media to the Target Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 4 of 4: the target computer installs the license from the media.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 4: Source Computer Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This final step moves the license from the media to the target computer. Take the media holding the license from Step 3 to the target computer and complete the procedure below there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 4: Target Computer Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert the media holding the license from Step 3 in this computer, and click Transfer to install the license here:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to install the license from the media.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unfinished transfer could not be completed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license was not installed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license is installed on this computer; the media holds no license any more. Click Next to finish.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::TransferOutPage</name>
    <message>
        <source>Transfer the License from the Source Computer to the Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 3 of 4: the source computer moves its license onto the prepared media.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 3: Source Computer Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert the license media prepared in Step 2 on the target computer, and click Transfer to move the license to it. The license leaves this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel the transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the license on this computer; the media no longer holds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the target computer, the license is on the media: go to Step &amp;4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 3: Target Computer Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step moves the license from the source computer to the media. Take the media prepared in Step 2 to the source computer and complete the procedure above there. When you are back with the media, continue with Step 4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to transfer the license to the media.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unfinished transfer could not be completed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license was not transferred: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license is on the media at %1 and has left this computer. Take the media to the target computer and complete Step 4 there. Click Next to finish here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license is on the media at %1, sealed for the computer %2, and has left this computer. Take the media to that computer and complete Step 4 there. Click Next to finish here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer was cancelled: the license stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer could not be cancelled: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::TransferWizard</name>
    <message>
        <source>Transfer a License</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::UnlockDialog</name>
    <message>
        <source>Tandem Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please contact technical support to obtain a password that will unlock this application. They need the serial number and the Computer ID below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application S/N:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the Computer ID to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computer ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>If technical support cannot be reached now, click Cancel: Tandem runs without limits for the rest of its grace period (%n day(s) left), and the title bar shows the days left to unlock.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n-day grace period is over: until the license is unlocked, the demo limits apply.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This license is unlocked already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license is installed: enter a serial number first (Help › Purchase a License...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license cannot be read: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Computer ID cannot be determined: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password you received from technical support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not accepted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This application has been unlocked for unlimited use on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::modbus::ModbusProxy</name>
    <message>
        <source>malformed Modbus frame (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::modbus::StreamConnection</name>
    <message>
        <source>connection closed by the peer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::modbus::StreamListener</name>
    <message>
        <source>cannot listen on %1: not a local address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::opcua::Client</name>
    <message>
        <source>no answer within the connect timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an OPC UA URL like opc.tcp://host:4840</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent a broken message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent an unexpected Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server aborted the answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the secure channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening the secure channel failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renewing the secure channel failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating a session failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not accept anonymous sessions; configure a user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server takes user names only encrypted with %1, which Tandem does not support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not accept user names on an unsecured endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password cannot be encrypted for the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the user name &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activating the session failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request of %1 bytes exceeds the server&apos;s limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server returned %1 results for %2 requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent an undecodable ServiceFault: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent a ServiceFault without a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered with message type i=%1 instead of i=%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent an undecodable answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server ended the session: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::opcua::OpcUaLink</name>
    <message>
        <source>the password of OPC UA user &apos;%1&apos; cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ServerStatus is unreadable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server announced its shutdown in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s state is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s service level is 0 (maintenance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service level %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an OPC UA node id such as ns=2;s=Tag or i=2258</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::opcua::OpcUaProxy</name>
    <message>
        <source>undecodable request (type i=%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undecodable request (type i=%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secure channel&apos;s token expired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
