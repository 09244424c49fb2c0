#!/usr/bin/env python3
"""Writes the hand-made seed corpus of tests/fuzz/seeds/ (small edge cases per target).

Re-run after changing it: python3 tests/fuzz/make_seeds.py. Crash reproducers found by
fuzzing are saved next to these by hand (seeds/<target>/crash-*), never regenerated.
The replay tests also read tests/fixtures/ and corpus/ directly, so nothing big is copied.
"""
import io
import os
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SEEDS = os.path.join(HERE, "seeds")


def put(target, name, data):
    folder = os.path.join(SEEDS, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def zip_bytes(entries, compression=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in entries:
            z.writestr(name, data)
    return buf.getvalue()


def pdf_bytes(content, media_box="0 0 595 842", font=True):
    """A minimal PDF with one page and correct xref offsets."""
    stream = content.encode("latin-1")
    resources = "/Resources << /Font << /F1 4 0 R >> >>" if font else ""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [{media_box}] {resources} /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    offsets.append(len(out))
    out += f"5 0 obj\n<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


CT_DOCX = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
           'content-types"><Override PartName="/word/document.xml" ContentType="application/'
           'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
DOCX_BODY = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxml'
             'formats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/>'
             '</w:pPr><w:r><w:t>Riktlinjer</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">'
             'Hälso- och sjukvård ska utveck</w:t></w:r><w:r><w:t>las.</w:t></w:r></w:p>'
             '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
             '</w:body></w:document>')
PPTX_PRES = ('<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/'
             'presentationml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
             '2006/relationships"><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst>'
             '</p:presentation>')
PPTX_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
             '2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
             'officeDocument/2006/relationships/slide" Target="slides/slide1.xml"/></Relationships>')
PPTX_SLIDE = ('<?xml version="1.0"?><p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/'
              '2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld>'
              '<p:spTree><p:sp><p:nvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:txBody>'
              '<a:p><a:r><a:t>På väg</a:t></a:r></a:p></p:txBody></p:sp><p:sp><p:txBody><a:p>'
              '<a:pPr lvl="1"/><a:r><a:t>EU-finansiering och -program</a:t></a:r></a:p></p:txBody>'
              '</p:sp></p:spTree></p:cSld></p:sld>')
ODT_CONTENT = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:'
               'oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:'
               'opendocument:xmlns:text:1.0"><office:body><office:text><text:h text:outline-level="1">'
               'Policy</text:h><text:p>Landstinget ska<text:s/>verka.</text:p><text:list><text:list-item>'
               '<text:p>punkt</text:p></text:list-item></text:list></office:text></office:body>'
               '</office:document-content>')


def docx():
    return zip_bytes([("[Content_Types].xml", CT_DOCX), ("word/document.xml", DOCX_BODY)])


def pptx():
    return zip_bytes([("[Content_Types].xml", CT_DOCX.replace("wordprocessingml.document", "presentationml.presentation")),
                      ("ppt/presentation.xml", PPTX_PRES),
                      ("ppt/_rels/presentation.xml.rels", PPTX_RELS),
                      ("ppt/slides/slide1.xml", PPTX_SLIDE)])


def odt():
    # ODF wants "mimetype" first and stored.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        z.writestr("content.xml", ODT_CONTENT, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def lying_sizes(data):
    """Local and central headers claim 10 bytes uncompressed whatever the entry inflates to."""
    out = bytearray(data)
    i = 0
    while True:
        i = out.find(b"PK\x03\x04", i)
        if i < 0:
            break
        out[i + 22:i + 26] = struct.pack("<I", 10)
        i += 4
    i = 0
    while True:
        i = out.find(b"PK\x01\x02", i)
        if i < 0:
            break
        out[i + 24:i + 28] = struct.pack("<I", 10)
        i += 4
    return bytes(out)


def extract_seeds():
    put("extract", "empty", b"")
    put("extract", "pdf-text", pdf_bytes("BT /F1 12 Tf 72 760 Td (H\xe4lso- och sjuk-) Tj 0 -14 Td "
                                         "(v\xe5rden ska utvecklas.) Tj ET"))
    put("extract", "pdf-no-text-huge-mediabox", pdf_bytes("0 0 0 rg 0 0 500 500 re f", "0 0 99999 99999", False))
    put("extract", "pdf-negative-mediabox", pdf_bytes("BT /F1 12 Tf 0 0 Td (x) Tj ET", "0 0 -5 1e30"))
    put("extract", "pdf-truncated", pdf_bytes("BT /F1 12 Tf 72 760 Td (Text) Tj ET")[:300])
    put("extract", "pdf-header-only", b"%PDF-1.7\n")
    put("extract", "docx", docx())
    put("extract", "pptx", pptx())
    put("extract", "odt", odt())
    put("extract", "docx-lying-sizes", lying_sizes(docx()))
    put("extract", "docx-truncated", docx()[:200])
    put("extract", "zip-not-office", zip_bytes([("readme.txt", "hej")]))
    put("extract", "html", "<!doctype html><html><head><title>Policy</title></head><body><nav>Meny</nav>"
                           "<main><h1>Riktlinjer</h1><p>Landstinget ska &amp; bör.</p><ul><li>en</li></ul>"
                           "</main><footer>Läs mer</footer></body></html>")
    put("extract", "html-latin1-meta", b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>V\xe5rd</p></body></html>")
    put("extract", "html-deep", "<html><body>" + "<div>" * 3000 + "x" + "</div>" * 3000 + "</body></html>")
    put("extract", "ole2-doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "WordDocument".encode("utf-16-le") + b"\0\0")
    put("extract", "ole2-unknown", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    put("extract", "text-utf16le-no-bom", "Riktlinjer för vård\n\natt fullmäktige beslutar\n".encode("utf-16-le"))
    put("extract", "binary-nul", b"\x00\x01\x02\xff" * 16)


def zip_seeds():
    put("zip", "empty", b"")
    put("zip", "eocd-only", b"PK\x05\x06" + b"\0" * 18)
    put("zip", "stored-and-deflated", zip_bytes([("a.xml", "<a/>"), ("dir/", ""), ("b.txt", "hej " * 50)]))
    put("zip", "stored", zip_bytes([("s.txt", "stored entry")], zipfile.ZIP_STORED))
    put("zip", "lying-sizes", lying_sizes(zip_bytes([("word/document.xml", "x" * 5000)])))
    put("zip", "small-bomb", zip_bytes([("word/document.xml", b"\0" * (1 << 20))]))
    put("zip", "many-entries", zip_bytes([(f"e{i}.xml", str(i)) for i in range(20)]))
    put("zip", "duplicate-names", zip_bytes([("a", "1"), ("a", "2")]))
    put("zip", "odd-names", zip_bytes([("../../etc/passwd", "x"), ("/abs", "y"), ("n\u00e4me", "z")]))
    enc = bytearray(zip_bytes([("secret.xml", "<x/>")], zipfile.ZIP_STORED))
    enc[6] |= 1  # general purpose flag: encrypted
    put("zip", "encrypted-flag", bytes(enc))
    put("zip", "truncated", zip_bytes([("a.xml", "<a>" + "b" * 300 + "</a>")])[:120])
    put("zip", "raw-deflate-garbage", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\0" * 16 + b"\x05\x00\x00\x00abcde" + b"\xff" * 40)


def xml_seeds():
    put("xml", "empty", b"")
    put("xml", "docx-body", DOCX_BODY)
    put("xml", "pptx-slide", PPTX_SLIDE)
    put("xml", "odt-content", ODT_CONTENT)
    put("xml", "rels", PPTX_RELS)
    put("xml", "billion-laughs", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>')
    put("xml", "xxe", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>')
    put("xml", "external-dtd", '<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://example.invalid/r.dtd"><r/>')
    put("xml", "deep-255", "<a>" * 255 + "</a>" * 255)
    put("xml", "deep-300", "<a>" * 300 + "</a>" * 300)
    put("xml", "cdata-pi-comment", '<?xml version="1.0"?><?pi data?><r><!-- c --><![CDATA[<t>&amp;</t>]]>'
        '<t a="1" x:id="2" xmlns:x="u">&lt;&#229;&#x10FFFF;</t></r>')
    put("xml", "invalid-utf8", b'<?xml version="1.0" encoding="UTF-8"?><r>\xc3\x28\xff</r>')
    put("xml", "latin1-declared", b'<?xml version="1.0" encoding="ISO-8859-1"?><r>v\xe5rd</r>')
    put("xml", "utf16-bom", '<?xml version="1.0" encoding="UTF-16"?><r>vård</r>'.encode("utf-16"))
    put("xml", "unknown-encoding", b'<?xml version="1.0" encoding="X-NOPE"?><r/>')
    put("xml", "undefined-entity", "<r>&nbsp;&undefined;</r>")
    put("xml", "unclosed", "<r><a><b>text")
    put("xml", "two-roots", "<a/><b/>")


def office_parts(entries):
    return b"".join(b"==> " + name.encode() + b"\n" + (data if isinstance(data, bytes) else data.encode()) + b"\n"
                    for name, data in entries)


def fixture_parts(fixture, keep):
    """The XML parts of a fixture package that the extractors read (no themes, masters, media)."""
    with zipfile.ZipFile(os.path.join(ROOT, "tests", "fixtures", fixture)) as z:
        return [(n, z.read(n)) for n in z.namelist() if keep(n)]


def office_seeds():
    put("office", "docx", office_parts([("[Content_Types].xml", CT_DOCX), ("word/document.xml", DOCX_BODY)]))
    put("office", "pptx", office_parts([("[Content_Types].xml", CT_DOCX.replace("wordprocessingml.document", "presentationml.presentation")),
                                        ("ppt/presentation.xml", PPTX_PRES), ("ppt/_rels/presentation.xml.rels", PPTX_RELS),
                                        ("ppt/slides/slide1.xml", PPTX_SLIDE)]))
    put("office", "odt", office_parts([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", ODT_CONTENT)]))
    put("office", "odt-no-mimetype", office_parts([("content.xml", ODT_CONTENT)]))
    put("office", "rels-escape", office_parts([("ppt/presentation.xml", PPTX_PRES),
        ("ppt/_rels/presentation.xml.rels", PPTX_RELS.replace("slides/slide1.xml", "../../../../x/../slides/slide1.xml")),
        ("ppt/slides/slide1.xml", PPTX_SLIDE)]))
    office_xml = lambda n: n.endswith(".xml") or n.endswith(".rels") or n == "mimetype"
    put("office", "fixture-jonkoping-docx", office_parts(fixture_parts("jonkoping-policy.docx", office_xml)))
    put("office", "fixture-tabell-docx", office_parts(fixture_parts("tabell-fotnot.docx", office_xml)))
    put("office", "fixture-tabell-odt", office_parts(fixture_parts("tabell-fotnot.odt",
        lambda n: n in ("mimetype", "content.xml", "meta.xml"))))
    put("office", "fixture-slides-pptx", office_parts(fixture_parts("stockholm-slides.pptx",
        lambda n: office_xml(n) and not any(k in n for k in ("theme", "Master", "Layout", "printerSettings")))))
    put("office", "fixture-slides-odp", office_parts(fixture_parts("stockholm-slides.odp",
        lambda n: n in ("mimetype", "content.xml", "meta.xml"))))


def text_seeds():
    put("text", "empty", b"")
    put("text", "invalid-utf8", b"Riktlinjer\n\nH\xe4lso- och \xc3\x28 sjukv\xe5rd \xed\xa0\x80 \xf4\x90\x80\x80 \xc0\xaf\n")
    put("text", "utf16le-no-bom", "# Policy\n\nVi ska samverka.\n- punkt ett\n".encode("utf-16-le"))
    put("text", "utf16le-bom", "\ufeffRubrik\n\ntext".encode("utf-16-le"))
    put("text", "utf16be-bom-odd", "\ufeffRubrik".encode("utf-16-be") + b"\x00")
    put("text", "utf8-bom", "\ufeff**Fetstil rubrik**\n\nStycke.".encode("utf-8"))
    put("text", "latin1", "Landstingsfullmäktige beslutade 2012-05-03, Dnr LS 1103-0413.\n\natt godkänna\natt notera\n".encode("latin-1"))
    put("text", "cp850", "Förtroendevalda i Örebro läns landsting".encode("cp850"))
    put("text", "hint-cp850", b"charset=IBM850\n" + "Hälso- och sjukvård".encode("cp850"))
    put("text", "hint-bogus", b"charset=no-such-charset\n\xe5\xe4\xf6")
    put("text", "hint-utf16-odd", b"charset=UTF-16\n\x41\x00\x42")
    put("text", "hint-empty", b"charset=\nhej")
    put("text", "soft-hyphen-ligatures", "utveck\u00ad\nlingen \ufb01nns i EU:s t.ex. bl.a. s.k. \u2028 \u00a0 hälso-\noch sjukvård\n")
    put("text", "list-lead-in", "Landstinget ska:\n\n1. samverka\n2. utvecklas\n• tre\n▪ fyra\n* fem\n")
    put("text", "long-paragraph", ("Det här är en mening. " * 400).encode())
    put("text", "combining", "a\u030a" * 50 + "\u0301" * 100)
    put("text", "control-chars", bytes(range(1, 32)) * 4)


def query_seeds():
    for i, q in enumerate([
        "", "hälso- och sjukvård", '"internationellt arbete"', "landsting AND NOT region",
        "titel:policy avsnitt:mål", "vård*", "(EU OR Europa", '"unbalanced', "a NEAR b", "och att",
        "EU:s t.ex. ﬁnansiering", "NOT", "AND OR", "*", "-", "+vård -region", "title:",
        "Vårdcentralerna\nJönköping", "vård\n2010..2015", "vård\n..", "vård\nabcd..2010",
        "vård\n2015..2010", "vård\norebro", "x\u00ad\u200by", "a" * 300,
    ]):
        put("query", f"q{i:02d}", q)


def manifest_seeds():
    put("manifest", "empty", b"")
    put("manifest", "basic", "path,region,organisation,doc_type,year,title,charset\n"
                             "a.pdf,jonkoping,Styrelsen,policy,2011,Titel,UTF-8\nsub/,orebro,,,,,\n")
    put("manifest", "semicolon-quoted", '\ufeffPath;Region;Title\n"a;b.pdf";stockholm;"Med ""citat""\noch rad"\n# kommentar\n\n')
    put("manifest", "no-path-column", "region,title\nstockholm,x\n")
    put("manifest", "bad-years", "path,year\na.pdf,20x1\nb.pdf,99999999999999\nc.pdf,-5\nd.pdf, 2012 \n")
    put("manifest", "odd-paths", "file,type\n../../x.pdf,policy\n/abs/y.pdf,strategi\n.,z\n,empty\n")
    put("manifest", "unterminated-quote", 'path,title\n"a.pdf,never closed\n')
    put("manifest", "crlf-short-rows", "path,region,title\r\na.pdf\r\nb.pdf,stockholm,t,extra,fields\r\n")
    put("manifest", "duplicate-columns", "path,path,year,year\na,b,2010,2011\n")


def thesaurus_seeds():
    source = "/usr/share/mythes/th_sv_SE_v2.dat"
    if os.path.exists(source):
        with open(source, "rb") as f:
            put("thesaurus", "mythes-sv-head", b"".join(f.readlines()[:300]))
    put("thesaurus", "empty", b"")
    put("thesaurus", "utf8", "UTF-8\nuppdrag|1\n|mission|befogenhet\nmission|1\n|beskickning\n")
    put("thesaurus", "latin1", b"ISO-8859-1\nf\xf6retr\xe4dare|1\n|representant|ombud\n")
    put("thesaurus", "bad-counts", "UTF-8\nord|99999999999\n|a|b\nord2|-1\n|c\nord3|\n|d\nord4|x\n|e\n|||\n")
    put("thesaurus", "missing-lines", "UTF-8\nord|5\n|a\n")
    put("thesaurus", "no-header", "ord|1\n|synonym\n")
    put("thesaurus", "invalid-utf8", b"UTF-8\n\xff\xfe|1\n|\xc3\x28|ok\n")
    put("thesaurus", "unknown-encoding", "KOI8-R\nord|1\n|x\n")
    put("thesaurus", "self-and-empty", "UTF-8\nord|2\n|ord|\n|(adj)|ord\n")


def varint(n):
    out = b""
    while n >= 0x80:
        out += bytes([(n & 0x7F) | 0x80])
        n >>= 7
    return out + bytes([n])


def number(n):  # zigzag, as ingest/worker_message.cpp
    return varint((n << 1) ^ (n >> 63) if n < 0 else n << 1)


def text(s):
    b = s.encode("utf-8")
    return varint(len(b)) + b


def frame(kind, payload, version=1):
    return bytes([version, kind]) + struct.pack("<I", len(payload)) + payload


def message_seeds():
    """Frames of ingest/worker_message.h, each with the payload-reading byte in front."""
    request = (text("/arkiv/riktlinjer.pdf") + varint(1) + text("riktlinjer.pdf") + text("orebro")
               + text("Regionstyrelsen") + text("riktlinjer") + text("Riktlinjer") + text("")
               + number(2011) + b"".join(text("") for _ in range(9)) + text("manifest klausul.csv rad 2")
               + text("") + varint(1) + number(512 << 20) + number(54000)
               + number(30000))
    info = b"".join(text(s) for s in ["0123456789abcdef", "/arkiv/a.pdf", "pdf", "Riktlinjer",
                                      "orebro", "Region Örebro län", "", "riktlinjer", "2011-05-01",
                                      "LS 1103-0413"])
    info += b"".join(number(n) for n in [2011, 3, 0, 3, 7000, 1300000000, 1, 0, 0])
    fact = lambda v, c, q: text(v) + number(c) + text(q)
    info += fact("2011-05-01", 3, "Beslutad 2011-05-01") + fact("", 0, "") * 7 + varint(1) + fact("LS 0901-0012", 3, "ersätter")
    clauses = varint(3)
    clauses += number(1) + text("Inledning") + text("") + varint(0) + varint(0) + number(1) + number(0) + varint(0) + varint(0)
    clauses += number(2) + text("Landstinget ska bevaka EU.") + text("") + varint(0) + varint(1) + text("Inledning") + number(1) + number(0) + varint(1) + varint(2)
    clauses += number(3) + text("en punkt") + text("Landstinget ska:") + varint(1) + varint(1) + text("Syfte") + number(2) + number(0) + varint(2) + varint(1)
    document = info + clauses
    put("message", "request", b"\x00" + frame(1, request))
    put("message", "helper", b"\x01" + frame(2, number(4242)))
    put("message", "extend", b"\x02" + frame(3, number(30000)))
    put("message", "document", b"\x03" + frame(4, document))
    put("message", "failure", b"\x04" + frame(5, text("not a PDF (starts with 'PK')")))
    put("message", "two-frames", b"\x03" + frame(3, number(1)) + frame(4, document))
    put("message", "truncated-document", b"\x03" + frame(4, document)[:60])
    put("message", "wrong-version", b"\x00" + frame(1, request, version=2))
    put("message", "huge-length", b"\x03" + bytes([1, 4]) + struct.pack("<I", 0xFFFFFFF0))


extract_seeds()
message_seeds()
zip_seeds()
xml_seeds()
office_seeds()
text_seeds()
query_seeds()
manifest_seeds()
thesaurus_seeds()
