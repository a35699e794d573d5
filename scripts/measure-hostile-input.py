#!/usr/bin/env python3
"""Measures the `claimdesk` CLI on hostile input: writes each input into a
temporary directory (a FIFO, links to /dev/zero, a JSON Lines file without a
line break, .docx files nested 1,000 deep or whose media inflates to 6 GiB,
HTML nested 20,000 and 100,000 deep, damaged UTF-8, the database as input),
runs the binary on each under /usr/bin/time with a 120 s timeout, and prints
a Markdown table of wall time, peak memory, exit code and the message.

    scripts/measure-hostile-input.py [BINARY]   (default target/release/claimdesk)

Writing the 6 GiB media entry takes a minute or two (zlib on zeros).
"""
import os
import subprocess
import sys
import tempfile
import zipfile

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/claimdesk")
ARTICLE = "The harbour council met on Monday. Mayor Ada Mensah said the pier would reopen in May."
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
PARA = f"<w:p><w:r><w:t>{ARTICLE}</w:t></w:r></w:p>"


def document_xml(body):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
        '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + body
        + "</w:body></w:document>"
    ).encode()


def write_inputs(d):
    def path(name):
        return os.path.join(d, name)

    with open(path("good.txt"), "w") as f:
        f.write(ARTICLE + "\n")
    os.mkfifo(path("pipe.txt"))
    os.symlink("/dev/zero", path("zero.txt"))
    os.symlink("/dev/zero", path("zero.jsonl"))
    with open(path("endless.jsonl"), "wb") as f:
        f.write(b"{" * (21 * 1024 * 1024))
    with zipfile.ZipFile(path("nested.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr(
            "word/document.xml",
            document_xml("<w:sdt><w:sdtContent>" * 1000 + PARA + "</w:sdtContent></w:sdt>" * 1000),
        )
    with zipfile.ZipFile(path("bomb.docx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/document.xml", document_xml(PARA))
        zero = bytes(1 << 20)
        with z.open("word/media/x", "w", force_zip64=True) as f:
            for _ in range(6 * 1024):
                f.write(zero)
    with zipfile.ZipFile(path("long.docx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        p = '<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r></w:p>'
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(document_xml("")[: -len("</w:body></w:document>")])
            chunk = (p * 16384).encode()
            for _ in range(150):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    for n in (20_000, 100_000):
        with open(path(f"deep-{n}.html"), "w") as f:
            f.write("<!doctype html><html><body>" + "<div>" * n + f"<p>{ARTICLE}</p></body></html>")
    with open(path("wide.html"), "w") as f:
        f.write("<html><body>" + "<b>x</b>" * 200_001 + f"<p>{ARTICLE}</p></body></html>")
    with open(path("damaged.txt"), "wb") as f:
        f.write(("Zoë Lefèvre, the café’s owner, said the pier would reopen on Friday. " * 5).encode())
        f.write(b"\xff She said \xe2\x80\x9cit is safe\xe2\x80\x9d.\n")


def main():
    with tempfile.TemporaryDirectory() as d:
        write_inputs(d)
        env = dict(os.environ, CLAIMDESK_DB=os.path.join(d, "m.db"), NO_COLOR="1")
        subprocess.run([BIN, "add", os.path.join(d, "good.txt")], env=env, check=True, capture_output=True)
        runs = [
            ["extract", "pipe.txt"],
            ["add", "pipe.txt"],
            ["diff", "good.txt", "pipe.txt"],
            ["extract", "zero.txt"],
            ["add", "--jsonl", "zero.jsonl"],
            ["add", "--jsonl", "endless.jsonl"],
            ["extract", "nested.docx"],
            ["extract", "bomb.docx"],
            ["add", "bomb.docx"],
            ["extract", "long.docx"],
            ["extract", "deep-20000.html"],
            ["extract", "deep-100000.html"],
            ["extract", "wide.html"],
            ["extract", "damaged.txt"],
            ["add", "m.db"],
        ]
        print("| command | time | max RSS | exit | message |")
        print("| --- | --- | --- | --- | --- |")
        for args in runs:
            full = [a if a.startswith("-") or a in ("add", "extract", "diff") else os.path.join(d, a) for a in args]
            timing = os.path.join(d, "time.out")
            p = subprocess.run(
                ["/usr/bin/time", "-f", "%e %M", "-o", timing, "timeout", "120", BIN, *full],
                env=env,
                capture_output=True,
                text=True,
            )
            secs, kib = open(timing).read().split()[-2:]
            msg = p.stderr.strip().replace(d + "/", "").replace("\n", " ")[:110]
            print(f"| `claimdesk {' '.join(args)}` | {secs} s | {int(kib) // 1024} MB | {p.returncode} | {msg} |")


if __name__ == "__main__":
    main()
