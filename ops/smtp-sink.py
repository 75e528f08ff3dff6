#!/usr/bin/env python3
"""A test SMTP server that accepts every mail and appends one line per mail to a log file:
"<unix time>\t<peer port>\t<Subject>". Usage: smtp-sink.py PORT LOGFILE. Loopback only, no TLS, no auth."""
import asyncio
import email
import email.header
import sys
import time

PORT, LOG = int(sys.argv[1]), sys.argv[2]


def subject_of(raw: bytes) -> str:
    msg = email.message_from_bytes(raw)
    parts = email.header.decode_header(msg.get("Subject", ""))
    return "".join(p.decode(c or "utf-8", "replace") if isinstance(p, bytes) else p for p, c in parts).replace("\t", " ").replace("\n", " ")


async def session(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    peer = writer.get_extra_info("peername")[1]

    async def say(line: str) -> None:
        writer.write((line + "\r\n").encode())
        await writer.drain()

    await say("220 sink ESMTP")
    try:
        while line := await reader.readline():
            verb = line.decode("latin-1").strip().split(" ", 1)[0].upper()
            if verb == "EHLO":
                await say("250-sink")
                await say("250-8BITMIME")
                await say("250 SIZE 52428800")
            elif verb == "HELO" or verb in ("MAIL", "RCPT", "RSET", "NOOP"):
                await say("250 OK")
            elif verb == "DATA":
                await say("354 end with <CRLF>.<CRLF>")
                data = bytearray()
                while (chunk := await reader.readline()) not in (b".\r\n", b".\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                with open(LOG, "a", encoding="utf-8") as f:
                    f.write(f"{time.time():.3f}\t{peer}\t{subject_of(bytes(data))}\n")
                await say("250 OK queued")
            elif verb == "QUIT":
                await say("221 bye")
                break
            else:
                await say("502 not implemented")
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def main() -> None:
    server = await asyncio.start_server(session, "127.0.0.1", PORT)
    async with server:
        await server.serve_forever()


asyncio.run(main())
