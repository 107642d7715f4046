#!/usr/bin/env python3
"""A LibreTranslate stand-in on 127.0.0.1 for timing `brief translate`.

POST /translate {"q": [...], "source", "target", "format"} answers
{"translatedText": [...]}, each text with its Latin letters replaced by
Persian or Russian ones; GET /languages lists en->fa,ru. It prints the
number of POST requests, the seconds spent inside handlers and its CPU
seconds when it gets SIGTERM. Usage: mt_fake_server.py PORT
"""
import json
import re
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FA = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
RU = "абвгдежзийклмнопрстуфхцчшщыэюя"
STATS = {"posts": 0, "texts": 0, "busy": 0.0}


def fake(text, target):
    """Latin letters replaced by Persian or Russian ones; markup (tags and
    character references of a format=html request) and words with digits,
    "@", "://" or an inner "." (numbers, addresses, URLs) kept."""
    alphabet = FA if target == "fa" else RU
    out = []
    for word in re.split(r"(<[^>]*>|&[#a-zA-Z0-9]+;|\s+)", text):
        if word.startswith(("<", "&")) or re.search(r"\d|@|://|\w\.\w", word):
            out.append(word)
            continue
        for c in word:
            if "a" <= c.lower() <= "z":
                out.append(alphabet[(ord(c.lower()) - 97) % len(alphabet)])
            else:
                out.append(c)
    return "".join(out)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, body):
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.reply([{"code": "en", "name": "English", "targets": ["fa", "ru"]}])

    def do_POST(self):
        started = time.perf_counter()
        length = int(self.headers.get("Content-Length", "0"))
        req = json.loads(self.rfile.read(length))
        texts = [fake(t, req["target"]) for t in req["q"]]
        self.reply({"translatedText": texts})
        STATS["posts"] += 1
        STATS["texts"] += len(texts)
        STATS["busy"] += time.perf_counter() - started


def stop(*_):
    STATS["cpu"] = time.process_time()
    print(json.dumps(STATS), flush=True)
    sys.exit(0)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, stop)
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
