#!/usr/bin/python3
# A local SMTP server for the e-mail channel's tests, on Debian's
# python3-aiosmtpd: STARTTLS (or implicit TLS) with the tests' self-signed
# certificate, AUTH PLAIN/LOGIN with one account, and scripted refusals.
# Each accepted message is written to OUTDIR as <n>.json (envelope) and
# <n>.eml (the message as received). Prints the port, then serves until
# killed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import asyncio
import json
import os
import socket
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, outdir, fail_first, reject):
        self.outdir = outdir
        self.fail_first = fail_first
        self.reject = reject
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        if self.reject:
            return "550 5.7.1 Relaying denied"
        if self.fail_first > 0:
            self.fail_first -= 1
            return "451 4.3.0 Try again later"
        self.count += 1
        base = os.path.join(self.outdir, str(self.count))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                       "tls": session.ssl is not None,
                       "login": session.login_data.decode() if isinstance(session.login_data, bytes)
                                else session.login_data}, f)
        return "250 2.0.0 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    if isinstance(auth_data, LoginPassword) and auth_data.login == b"alerts" and \
            auth_data.password == b"smtp-secret-pw":
        return AuthResult(success=True)
    return AuthResult(success=False, handled=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--outdir", required=True)
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--no-starttls", action="store_true")
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--reject", action="store_true")
    args = parser.parse_args()

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert)

    # aiosmtpd cannot listen on port 0: take a free one first.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    kwargs = dict(hostname="127.0.0.1", port=port, authenticator=authenticator,
                  auth_require_tls=True)
    handler = Handler(args.outdir, args.fail_first, args.reject)
    if args.implicit_tls:
        # aiosmtpd 1.4 does not count SMTPS as TLS for auth_require_tls.
        kwargs["auth_require_tls"] = False
        controller = Controller(handler, ssl_context=context, **kwargs)
    elif args.no_starttls:
        controller = Controller(handler, auth_require_tls=False,
                                **{k: v for k, v in kwargs.items() if k != "auth_require_tls"})
    else:
        controller = Controller(handler, tls_context=context, require_starttls=True, **kwargs)
    controller.start()
    print(port, flush=True)
    try:
        asyncio.get_event_loop().run_until_complete(asyncio.Event().wait())
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
