#!/usr/bin/python3
"""SMTP server that Tandem's integration tests send notification mail to.

An independent implementation (aiosmtpd 1.4, as Debian ships it) on 127.0.0.1. It
prints "READY PORT" once it listens, then one JSON line per event:
  {"event":"message","mail_from":..,"rcpt_tos":[..],"data_b64":..,"tls":..,"auth_user":..}
  {"event":"refused","rcpt":ADDR}   {"event":"auth","user":USER}   {"event":"starttls"}
data_b64 holds the DATA bytes as received, CRLF kept, with only the dot-stuffing undone.

Control lines on stdin, each answered by "ok" (or "error ..."):
  hang-at EHLO|MAIL|RCPT|DATA|CONNECT  take that command (or connection) and never answer
  normal          answer normally again (undoes hang-at and fail-data)
  refuse ADDR     answer RCPT TO:<ADDR> with 550      accept ADDR   undo refuse
  fail-data       answer the end of DATA with 451     quit          exit
When stdin closes the server keeps serving until SIGTERM.

Run with /usr/bin/python3: Debian's aiosmtpd is not visible to other interpreters.
"""

import argparse
import asyncio
import base64
import email
import email.policy
import json
import logging
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult

HANG_POINTS = {"EHLO", "MAIL", "RCPT", "DATA", "CONNECT"}


def decoded_text(raw):
    """The text body as Python's email package decodes it (transfer encoding and charset
    undone, line ends as LF), so tests need no MIME decoder of their own."""
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        return body.get_content().replace("\r\n", "\n") if body is not None else None
    except Exception as error:  # a test peer reports, it does not crash
        return "<undecodable: %s>" % error


class Peer:
    """The aiosmtpd handler: records events and holds the injected faults."""

    def __init__(self, args, out):
        self.out = out
        self.refused = {a.lower() for a in args.refuse}
        self.credentials = tuple(args.auth.split(":", 1)) if args.auth else None
        self.hang_at = None
        self.fail_data = False

    def emit(self, **event):
        self.out.write(json.dumps(event).encode() + b"\n")

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        # With this hook aiosmtpd leaves remembering the name to us.
        session.host_name = hostname
        if self.credentials is None:  # aiosmtpd would offer AUTH anyway once TLS is up
            responses = [r for r in responses if not r.startswith("250-AUTH")]
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            self.emit(event="refused", rcpt=address)
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.fail_data:
            return "451 4.3.0 try later"
        user = session.auth_data.login.decode(errors="replace") if session.authenticated else None
        self.emit(event="message", mail_from=envelope.mail_from, rcpt_tos=envelope.rcpt_tos,
                  data_b64=base64.b64encode(envelope.original_content).decode(),
                  text=decoded_text(envelope.original_content),
                  tls=server.transport.get_extra_info("ssl_object") is not None,
                  auth_user=user)
        return "250 OK"

    def handle_STARTTLS(self, server, session, envelope):
        # Called (not awaited) once the handshake has completed.
        self.emit(event="starttls")
        return True

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        given = tuple(b.decode(errors="replace") for b in (auth_data.login, auth_data.password))
        if given != self.credentials:
            return AuthResult(success=False, handled=False)
        self.emit(event="auth", user=given[0])
        return AuthResult(success=True, auth_data=auth_data)


class HangingSMTP(SMTP):
    """aiosmtpd's SMTP session, able to go silent at a chosen point."""

    async def hang_if(self, point):
        if self.event_handler.hang_at == point:
            # Never answered; cancelled when the client goes away.
            await asyncio.get_running_loop().create_future()

    async def _handle_client(self):
        await self.hang_if("CONNECT")
        await super()._handle_client()

    async def smtp_EHLO(self, arg):
        await self.hang_if("EHLO")
        await super().smtp_EHLO(arg)

    async def smtp_MAIL(self, arg):
        await self.hang_if("MAIL")
        await super().smtp_MAIL(arg)

    async def smtp_RCPT(self, arg):
        await self.hang_if("RCPT")
        await super().smtp_RCPT(arg)

    async def smtp_DATA(self, arg):
        await self.hang_if("DATA")
        await super().smtp_DATA(arg)


def handle_command(words, peer, quit_event):
    """Runs one control command; returns the answer line."""
    cmd, args = words[0], words[1:]
    if cmd == "hang-at" and len(args) == 1 and args[0].upper() in HANG_POINTS:
        peer.hang_at = args[0].upper()
    elif cmd == "normal" and not args:
        peer.hang_at, peer.fail_data = None, False
    elif cmd == "refuse" and len(args) == 1:
        peer.refused.add(args[0].lower())
    elif cmd == "accept" and len(args) == 1:
        peer.refused.discard(args[0].lower())
    elif cmd == "fail-data" and not args:
        peer.fail_data = True
    elif cmd == "quit" and not args:
        quit_event.set()
    else:
        return "error unknown command: " + " ".join(words)
    return "ok"


async def read_commands(peer, quit_event):
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while line := await reader.readline():
        words = line.decode("utf-8", "replace").split()
        if words:
            peer.out.write(handle_command(words, peer, quit_event).encode() + b"\n")
    # EOF: the test closed stdin; keep serving until SIGTERM.


class PipeOutput(asyncio.Protocol):
    """stdout written through the loop, so a test that reads late never blocks the server."""

    def __init__(self):
        self.closed = asyncio.get_running_loop().create_future()

    def connection_lost(self, exc):
        self.closed.set_result(None)


class FileOutput:
    """stdout when it is a regular file (run by hand): plain writes."""

    def write(self, data):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()

    def close(self):
        pass


def tls_context(cert_and_key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*cert_and_key)
    return context


async def main(args):
    loop = asyncio.get_running_loop()
    try:
        out, output = await loop.connect_write_pipe(PipeOutput, sys.stdout)
    except ValueError:
        out, output = FileOutput(), None
    peer = Peer(args, out)
    starttls = tls_context(args.starttls) if args.starttls else None
    implicit = tls_context(args.implicit_tls) if args.implicit_tls else None

    def session():
        return HangingSMTP(
            peer, hostname="localhost", tls_context=starttls, require_starttls=args.require_tls,
            authenticator=peer.authenticate, auth_required=peer.credentials is not None,
            # aiosmtpd counts only STARTTLS as encryption, not TLS from the first byte.
            auth_require_tls=not (args.auth_plaintext or implicit),
        )

    server = await loop.create_server(session, "127.0.0.1", args.port, ssl=implicit,
                                      reuse_address=True)
    out.write(b"READY %d\n" % server.sockets[0].getsockname()[1])
    quit_event = asyncio.Event()
    commands = asyncio.create_task(read_commands(peer, quit_event))
    await quit_event.wait()
    commands.cancel()
    server.close()
    out.close()
    if output:
        await output.closed  # the last "ok" is out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--require-tls", action="store_true", help="refuse MAIL before STARTTLS")
    parser.add_argument("--implicit-tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth", metavar="USER:PASSWORD", help="require AUTH PLAIN or LOGIN")
    parser.add_argument("--auth-plaintext", action="store_true", help="allow AUTH without TLS")
    parser.add_argument("--refuse", action="append", default=[], metavar="ADDR")
    args = parser.parse_args()
    if args.require_tls and not args.starttls:
        parser.error("--require-tls needs --starttls")
    if args.starttls and args.implicit_tls:
        parser.error("--starttls and --implicit-tls exclude each other")
    if args.auth and ":" not in args.auth:
        parser.error("--auth takes USER:PASSWORD")
    # aiosmtpd warns that AUTH without TLS is insecure; here that is the point.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    logging.getLogger("mail.log").setLevel(logging.ERROR)  # the same warning, per connection
    asyncio.run(main(args))
