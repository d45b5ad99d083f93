#!/usr/bin/python3
"""Modbus TCP server that Tandem's integration tests fail over between.

An independent implementation (pymodbus 3.0, as Debian ships it), driven by lines
on stdin so a test can change data and inject faults:

  set ADDR VALUE      holding register at 0-based protocol address ADDR
  setcoil ADDR 0|1    coil at 0-based protocol address ADDR
  stop-counter        freeze the counter in protocol address 0
  start-counter       let it run again
  exception CODE      answer every request with this Modbus exception code
  normal              answer requests normally again
  flush-after-error on|off
                      after an exception answer, discard what the connection sent and
                      was not read yet, as libmodbus does (modbus_flush)
  max-connections N   close connections beyond N as soon as they are accepted, as a
                      device out of connection slots does (0: no limit)
  stats               answered "ok connections=N requests=N flushes=N flushed-bytes=N
                      refused=N": connections open now, the rest counted since start
  quit                exit

Each command is answered with an "ok" line (or "error ..."). On start the server
prints "ready PORT". Holding and input registers: address 0 counts up every 100 ms
from OFFSET, address 1 holds OFFSET. Any unit id answers.

Run with /usr/bin/python3: Debian's pymodbus is not visible to other interpreters.
"""

import argparse
import asyncio
import importlib.util
import logging
import os
import sys
import types

# pymodbus.server imports pyserial and serial_asyncio at module level, but Debian only
# recommends them (python3-serial-asyncio): without recommends the TCP server would not
# import. This server never touches a serial port, so empty stand-ins suffice.
for _name in ("serial", "serial_asyncio"):
    if importlib.util.find_spec(_name) is None:
        _stub = types.ModuleType(_name)
        _stub.create_serial_connection = None
        sys.modules[_name] = _stub

from pymodbus.datastore import (  # noqa: E402  (after the stand-ins above)
    ModbusSequentialDataBlock,
    ModbusServerContext,
    ModbusSlaveContext,
)
from pymodbus.pdu import ExceptionResponse  # noqa: E402
from pymodbus.server.async_io import ModbusConnectedRequestHandler, ModbusTcpServer  # noqa: E402

SIZE = 1000
TICK_SECONDS = 0.1
HOLDING, INPUT, COIL = 3, 4, 1  # function codes that select a datastore block


class FaultState:
    """What the server currently does with requests; shared with the handler."""

    exception_code = None  # None: answer normally
    flush_after_error = False
    max_connections = 0  # 0: no limit
    requests = 0
    flushes = 0
    flushed_bytes = 0
    refused = 0


class FaultInjectingHandler(ModbusConnectedRequestHandler):
    """Answers with the injected exception code without touching the datastore.

    pymodbus 3.0.0rc1 has no hook that replaces a request's execution, only a
    response_manipulator after the fact (a write would already be applied), so the
    per-connection handler's execute() is overridden instead.
    """

    refused = False

    def connection_made(self, transport):
        limit = FaultState.max_connections
        if limit and len(self.server.active_connections) >= limit:
            # Accepted by the kernel, then closed: what a device out of slots does.
            self.refused = True
            FaultState.refused += 1
            transport.abort()
            return
        super().connection_made(transport)

    def connection_lost(self, call_exc):
        if not self.refused:
            super().connection_lost(call_exc)

    def data_received(self, data):
        if not self.refused:
            super().data_received(data)

    def execute(self, request, *addr):
        FaultState.requests += 1
        code = FaultState.exception_code
        if code is None:
            super().execute(request, *addr)
            return
        response = ExceptionResponse(request.function_code, code)
        response.transaction_id = request.transaction_id
        response.unit_id = request.unit_id
        self.send(response, *addr)

    def send(self, message, *addr, **kwargs):
        if FaultState.flush_after_error and isinstance(message, ExceptionResponse):
            self.flush_input()
        super().send(message, *addr, **kwargs)

    def flush_input(self):
        """Discards what the client sent and was not read yet, like libmodbus.

        libmodbus's server calls modbus_flush() before it sends some exception answers
        (0x01, 0x03, ...): requests pipelined behind the bad one are lost unanswered.
        Here that is the framer's buffer, the chunks queued for the handler and what
        waits in the socket.
        """
        dropped = len(self.framer.getRawFrame())
        self.framer.resetFrame()
        while not self.receive_queue.empty():
            dropped += len(self.receive_queue.get_nowait())
        sock = self.transport.get_extra_info("socket")
        if sock is not None:
            while True:
                try:
                    chunk = os.read(sock.fileno(), 65536)
                except (BlockingIOError, InterruptedError):
                    break
                except OSError:
                    break
                if not chunk:
                    break
                dropped += len(chunk)
        FaultState.flushes += 1
        FaultState.flushed_bytes += dropped


def build_context(offset):
    # zero_mode: block index == protocol address. Without it pymodbus adds 1 to every
    # address in getValues/setValues/validate (the 40001 convention).
    def block():
        return ModbusSequentialDataBlock(0, [0] * SIZE)

    slave = ModbusSlaveContext(
        di=ModbusSequentialDataBlock(0, [False] * SIZE),
        co=ModbusSequentialDataBlock(0, [False] * SIZE),
        hr=block(),
        ir=block(),
        zero_mode=True,
    )
    for fc in (HOLDING, INPUT):
        slave.setValues(fc, 0, [offset & 0xFFFF, offset & 0xFFFF])
    return ModbusServerContext(slaves=slave, single=True)


async def run_counter(slave, control):
    """Increments address 0 of holding and input registers while running.

    Increments the stored value, so a test that writes address 0 moves the counter.
    """
    while True:
        await asyncio.sleep(TICK_SECONDS)
        if not control["counting"]:
            continue
        value = (slave.getValues(HOLDING, 0, 1)[0] + 1) & 0xFFFF
        slave.setValues(HOLDING, 0, [value])
        slave.setValues(INPUT, 0, [value])


def reply(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def handle_command(words, slave, control):  # noqa: C901  (one branch per command)
    """Runs one control command; returns the answer line."""
    cmd, args = words[0], words[1:]
    try:
        if cmd == "set" and len(args) == 2:
            address, value = int(args[0], 0), int(args[1], 0)
            if not 0 <= address < SIZE or not 0 <= value <= 0xFFFF:
                return "error out of range"
            slave.setValues(HOLDING, address, [value])
        elif cmd == "setcoil" and len(args) == 2:
            address, value = int(args[0], 0), int(args[1], 0)
            if not 0 <= address < SIZE or value not in (0, 1):
                return "error out of range"
            slave.setValues(COIL, address, [bool(value)])
        elif cmd == "stop-counter" and not args:
            control["counting"] = False
        elif cmd == "start-counter" and not args:
            control["counting"] = True
        elif cmd == "exception" and len(args) == 1:
            code = int(args[0], 0)
            if not 1 <= code <= 0xFF:
                return "error out of range"
            FaultState.exception_code = code
        elif cmd == "normal" and not args:
            FaultState.exception_code = None
        elif cmd == "flush-after-error" and len(args) == 1 and args[0] in ("on", "off"):
            FaultState.flush_after_error = args[0] == "on"
        elif cmd == "max-connections" and len(args) == 1:
            limit = int(args[0], 0)
            if limit < 0:
                return "error out of range"
            FaultState.max_connections = limit
        elif cmd == "stats" and not args:
            return (
                f"ok connections={len(control['server'].active_connections)}"
                f" requests={FaultState.requests} flushes={FaultState.flushes}"
                f" flushed-bytes={FaultState.flushed_bytes} refused={FaultState.refused}"
            )
        elif cmd == "quit" and not args:
            control["quit"].set()
        else:
            return "error unknown command: " + " ".join(words)
    except ValueError:
        return "error not a number: " + " ".join(words)
    return "ok"


async def read_commands(slave, control):
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while True:
        line = await reader.readline()
        if not line:
            return  # EOF: the test closed stdin; keep serving until SIGTERM
        words = line.decode("utf-8", "replace").split()
        if words:
            reply(handle_command(words, slave, control))


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()

    context = build_context(args.offset)
    slave = context[0]
    control = {"counting": True, "quit": asyncio.Event()}

    server = ModbusTcpServer(
        context,
        address=(args.host, args.port),
        handler=FaultInjectingHandler,
        allow_reuse_address=True,
        # pymodbus listens with a backlog of 20: a burst of connections (an engine with a
        # connection per client, 24 clients at once) overflowed it while the server was
        # busy, and the dropped SYNs were retried a second later.
        backlog=128,
    )
    control["server"] = server
    serving = asyncio.create_task(server.serve_forever())
    # serve_forever resolves this future once the socket listens (or fails to bind).
    await asyncio.wait({server.serving, serving}, return_when=asyncio.FIRST_COMPLETED)
    if serving.done():
        serving.result()  # re-raises the bind error
        raise RuntimeError("server stopped before listening")
    port = server.server.sockets[0].getsockname()[1]

    tasks = [
        asyncio.create_task(run_counter(slave, control)),
        asyncio.create_task(read_commands(slave, control)),
    ]
    reply(f"ready {port}")
    await control["quit"].wait()
    for task in tasks:
        task.cancel()
    await server.server_close()
    serving.cancel()


if __name__ == "__main__":
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    # pymodbus logs every client disconnect and exception answer as an error.
    logging.getLogger("pymodbus").setLevel(logging.CRITICAL)
    asyncio.run(main())
