#!/usr/bin/env python3
"""Deterministic generator of large Eurostat-like SDMX-ML 2.1 files for benchmarks.

Usage:
    gen_sdmx.py ss        --obs N -o FILE   StructureSpecificData (Eurostat layout)
    gen_sdmx.py generic   --obs N -o FILE   GenericData with exactly the same data
    gen_sdmx.py structure -o FILE           the matching DSD (SDMX-ML 2.1 Structure)
    (any of them with --meta META: one line "KIND OBS SERIES BYTES SHA256-OF-THIS-SCRIPT")

The data imitate Eurostat's SBS_R_NUTS2021 dataset: series keyed by
freq, nace_r2, indic_sbs, geo (NUTS-2 regions), about 20 annual observations
per series (16 to 24, contiguous years ending in 2023; the last series is cut
so that the file holds exactly N observations), integer OBS_VALUEs with
sometimes OBS_FLAG="p"/"e"/"b", sometimes OBS_VALUE="NaN" with or without
CONF_STATUS="C".  Series keys are unique: nace_r2 x indic_sbs x geo, with
indic_sbs fixed to EMP_LOC_NR as long as nace_r2 x geo is enough (up to
about 3.5M observations) and cycling through more indicators beyond.

The output depends only on the arguments (no clock, no random module, no
hash randomisation), so the same command always writes the same bytes.
Only the standard library is used; the file is written as a stream, one
string join per series, to FILE.part, then renamed to FILE.
"""

import argparse
import hashlib
import os
import sys
import time

MASK64 = (1 << 64) - 1

NS_MES = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
NS_SS = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific"
NS_GEN = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic"
NS_COM = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
NS_STR = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"

AGENCY = "ESTAT"
DSD_ID = "SBS_R_NUTS2021"
DSD_VERSION = "1.0"
STRUCTURE_ID = "ESTAT_SBS_R_NUTS2021_1_0"
DSD_URN = "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=ESTAT:SBS_R_NUTS2021(1.0)"

LAST_YEAR = 2023
MIN_LEN, MAX_LEN = 16, 24  # observations per series: 16..24, mean 20
POOL_SIZE = 100003  # distinct (value, flag, confidentiality) observation tails

# Country -> number of NUTS-2 regions (roughly the NUTS 2021 counts).
COUNTRIES = [
    ("AT", 9), ("BE", 11), ("BG", 6), ("CH", 7), ("CY", 1), ("CZ", 8),
    ("DE", 38), ("DK", 5), ("EE", 1), ("EL", 13), ("ES", 19), ("FI", 5),
    ("FR", 27), ("HR", 4), ("HU", 8), ("IE", 3), ("IS", 1), ("IT", 21),
    ("LI", 1), ("LT", 2), ("LU", 1), ("LV", 1), ("MT", 1), ("NL", 12),
    ("NO", 7), ("PL", 17), ("PT", 7), ("RO", 8), ("SE", 8), ("SI", 2),
    ("SK", 4),
]

# NACE Rev. 2 sections covered by SBS with their divisions.
NACE_SECTIONS = [
    ("B", range(5, 10)), ("C", range(10, 34)), ("D", [35]),
    ("E", range(36, 40)), ("F", range(41, 44)), ("G", range(45, 48)),
    ("H", range(49, 54)), ("I", [55, 56]), ("J", range(58, 64)),
    ("L", [68]), ("M", range(69, 76)), ("N", range(77, 83)),
]

INDICATORS = [
    "EMP_LOC_NR", "ENT_NR", "SAL_NR", "WAGE_ETC", "NETTUR_MEUR",
    "PURCH_MEUR", "GOP_MEUR", "VAL_ADD_MEUR",
]

OBS_FLAGS = [("p", "provisional"), ("e", "estimated"), ("b", "break in time series"),
             ("u", "low reliability"), ("d", "definition differs")]
CONF_CODES = [("C", "Confidential statistical information"),
              ("F", "Free"), ("N", "Not for publication, restricted for internal use only")]


def mix(x):
    """splitmix64 finaliser: a fixed, fast, well-spread integer hash."""
    x = (x + 0x9E3779B97F4A7C15) & MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK64
    return x ^ (x >> 31)


def geo_codes():
    digits1 = "123456789ABCDEFGHJK"
    out = []
    for cc, n in COUNTRIES:
        if n == 1:
            out.append(cc + "00")
            continue
        for r in range(n):
            out.append(cc + digits1[r // 4] + "1234"[r % 4])
    return out


def nace_codes():
    out = []
    for section, divisions in NACE_SECTIONS:
        out.append(section)
        for d in divisions:
            div = "%s%02d" % (section, d)
            out.append(div)
            for g in range(1, 1 + 1 + mix(d * 31 + 7) % 7):  # 1..7 groups
                out.append("%s.%d" % (div, g))
    return out


GEO = geo_codes()
NACE = nace_codes()


def obs_pool():
    """POOL_SIZE observation contents: (value, flag or None, conf or None)."""
    pool = []
    for k in range(POOL_SIZE):
        h = mix(k * 0x2545F4914F6CDD1D + 17)
        cat = h % 100
        frac = ((h >> 8) & 0xFFFFFF) / float(0x1000000)
        value = str(int(10 ** (1.0 + 4.7 * frac)))  # 10 .. ~500,000 persons
        if cat < 5:
            pool.append(("NaN", None, "C"))
        elif cat < 7:
            pool.append(("NaN", None, None))
        elif cat < 15:
            pool.append((value, "p", None))
        elif cat < 18:
            pool.append((value, "e", None))
        elif cat < 19:
            pool.append((value, "b", None))
        else:
            pool.append((value, None, None))
    return pool


def series_plan(n_obs):
    """Yield (series index, key tuple, number of obs, pool offset)."""
    n_series_est = n_obs // 16 + 1
    per_indic = len(NACE) * len(GEO)
    n_indic = max(1, -(-n_series_est // per_indic))
    if n_indic > len(INDICATORS):
        raise SystemExit("gen_sdmx: too many observations for unique series keys "
                         "(max about %d)" % (len(INDICATORS) * per_indic * 16))
    indics = INDICATORS[:n_indic]
    n_geo = len(GEO)
    remaining = n_obs
    i = 0
    while remaining > 0:
        h = mix(i + 0x5DEECE66D)
        length = MIN_LEN + (h >> 40) % (MAX_LEN - MIN_LEN + 1)
        if length > remaining:
            length = remaining
        geo = GEO[i % n_geo]
        rest = i // n_geo
        indic = indics[rest % n_indic]
        nace = NACE[rest // n_indic]
        yield i, ("A", nace, indic, geo), length, h % POOL_SIZE
        remaining -= length
        i += 1


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def header(kind):
    """Root start tag and Header for kind 'ss' or 'generic'."""
    if kind == "ss":
        root = ("<mes:StructureSpecificData xmlns:mes=\"%s\" xmlns:ss=\"%s\" "
                "xmlns:ns1=\"%s\" xmlns:com=\"%s\" xmlns:xsi=\"%s\">\n"
                % (NS_MES, NS_SS, DSD_URN, NS_COM, NS_XSI))
        structure = ("    <mes:Structure structureID=\"%s\" namespace=\"%s\" "
                     "dimensionAtObservation=\"TIME_PERIOD\">\n" % (STRUCTURE_ID, DSD_URN))
    else:
        root = ("<mes:GenericData xmlns:mes=\"%s\" xmlns:gen=\"%s\" "
                "xmlns:com=\"%s\" xmlns:xsi=\"%s\">\n" % (NS_MES, NS_GEN, NS_COM, NS_XSI))
        structure = ("    <mes:Structure structureID=\"%s\" "
                     "dimensionAtObservation=\"TIME_PERIOD\">\n" % STRUCTURE_ID)
    return (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root +
        "  <mes:Header>\n"
        "    <mes:ID>BENCH_SBS_R_NUTS2021</mes:ID>\n"
        "    <mes:Test>false</mes:Test>\n"
        "    <mes:Prepared>2024-05-17T09:14:02.117+02:00</mes:Prepared>\n"
        "    <mes:Sender id=\"ESTAT\">\n"
        "      <com:Name xml:lang=\"en\">Eurostat</com:Name>\n"
        "    </mes:Sender>\n" + structure +
        "      <com:Structure>\n"
        "        <Ref agencyID=\"%s\" id=\"%s\" version=\"%s\"/>\n"
        "      </com:Structure>\n"
        "    </mes:Structure>\n"
        "    <mes:DataSetID>%s</mes:DataSetID>\n"
        "    <mes:Extracted>2024-05-17T09:14:02.117+02:00</mes:Extracted>\n"
        "  </mes:Header>\n" % (AGENCY, DSD_ID, DSD_VERSION, DSD_ID)
    )


def write_ss(out, n_obs):
    pool = obs_pool()
    tails = []
    for value, flag, conf in pool:
        t = ' OBS_VALUE="%s"' % value
        if flag:
            t += ' OBS_FLAG="%s"' % flag
        if conf:
            t += ' CONF_STATUS="%s"' % conf
        tails.append(t + "/>\n")
    tails += tails[:MAX_LEN]
    years = range(LAST_YEAR - MAX_LEN + 1, LAST_YEAR + 1)
    pre = ['      <Obs TIME_PERIOD="%d"' % y for y in years]
    out.write(header("ss"))
    out.write('  <ns1:DataSet ss:structureRef="%s" ss:dataScope="DataStructure" '
              'xsi:type="ns1:DataSetType">\n' % STRUCTURE_ID)
    add = str.__add__
    buf = []
    n_series = 0
    for i, (freq, nace, indic, geo), length, off in series_plan(n_obs):
        buf.append('    <Series freq="%s" nace_r2="%s" indic_sbs="%s" geo="%s">\n'
                   % (freq, nace, indic, geo))
        buf.append("".join(map(add, pre[MAX_LEN - length:], tails[off:off + length])))
        buf.append("    </Series>\n")
        n_series += 1
        if len(buf) >= 3000:
            out.write("".join(buf))
            buf.clear()
    out.write("".join(buf))
    out.write("  </ns1:DataSet>\n</mes:StructureSpecificData>\n")
    return n_series


def write_generic(out, n_obs):
    pool = obs_pool()
    tails = []
    for value, flag, conf in pool:
        t = '"/>\n        <gen:ObsValue value="%s"/>\n' % value
        if flag or conf:
            t += "        <gen:Attributes>\n"
            if flag:
                t += '          <gen:Value id="OBS_FLAG" value="%s"/>\n' % flag
            if conf:
                t += '          <gen:Value id="CONF_STATUS" value="%s"/>\n' % conf
            t += "        </gen:Attributes>\n"
        tails.append(t + "      </gen:Obs>\n")
    tails += tails[:MAX_LEN]
    years = range(LAST_YEAR - MAX_LEN + 1, LAST_YEAR + 1)
    pre = ['      <gen:Obs>\n        <gen:ObsDimension value="%d' % y for y in years]
    out.write(header("generic"))
    out.write('  <mes:DataSet structureRef="%s">\n' % STRUCTURE_ID)
    add = str.__add__
    buf = []
    n_series = 0
    for i, (freq, nace, indic, geo), length, off in series_plan(n_obs):
        buf.append(
            "    <gen:Series>\n"
            "      <gen:SeriesKey>\n"
            '        <gen:Value id="freq" value="%s"/>\n'
            '        <gen:Value id="nace_r2" value="%s"/>\n'
            '        <gen:Value id="indic_sbs" value="%s"/>\n'
            '        <gen:Value id="geo" value="%s"/>\n'
            "      </gen:SeriesKey>\n" % (freq, nace, indic, geo))
        buf.append("".join(map(add, pre[MAX_LEN - length:], tails[off:off + length])))
        buf.append("    </gen:Series>\n")
        n_series += 1
        if len(buf) >= 3000:
            out.write("".join(buf))
            buf.clear()
    out.write("".join(buf))
    out.write("  </mes:DataSet>\n</mes:GenericData>\n")
    return n_series


def codelist(cl_id, name, codes):
    urn = "urn:sdmx:org.sdmx.infomodel.codelist.Codelist=%s:%s(1.0)" % (AGENCY, cl_id)
    parts = ['      <str:Codelist id="%s" urn="%s" agencyID="%s" version="1.0" isFinal="true">\n'
             '        <com:Name xml:lang="en">%s</com:Name>\n' % (cl_id, urn, AGENCY, esc(name))]
    for code, label in codes:
        parts.append('        <str:Code id="%s" urn="urn:sdmx:org.sdmx.infomodel.codelist.Code=%s:%s(1.0).%s">\n'
                     '          <com:Name xml:lang="en">%s</com:Name>\n'
                     '        </str:Code>\n' % (code, AGENCY, cl_id, code, esc(label)))
    parts.append("      </str:Codelist>\n")
    return "".join(parts)


def concept_ref(cid):
    return ('              <str:ConceptIdentity>\n'
            '                <Ref id="%s" maintainableParentID="CS_%s" maintainableParentVersion="1.0" '
            'agencyID="%s" package="conceptscheme" class="Concept"/>\n'
            '              </str:ConceptIdentity>\n' % (cid, DSD_ID, AGENCY))


def enum_ref(cl_id):
    return ('              <str:LocalRepresentation>\n'
            '                <str:Enumeration>\n'
            '                  <Ref id="%s" version="1.0" agencyID="%s" package="codelist" class="Codelist"/>\n'
            '                </str:Enumeration>\n'
            '              </str:LocalRepresentation>\n' % (cl_id, AGENCY))


def write_structure(out):
    dsd_urn_prefix = "urn:sdmx:org.sdmx.infomodel.datastructure"
    dims = [("freq", "CL_FREQ", "Time frequency"),
            ("nace_r2", "CL_NACE_R2", "Statistical classification of economic activities in the European Community (NACE Rev. 2)"),
            ("indic_sbs", "CL_INDIC_SBS", "Economical indicator for structural business statistics"),
            ("geo", "CL_GEO", "Geopolitical entity (reporting)")]
    attrs = [("OBS_FLAG", "CL_OBS_FLAG", "Observation flag"),
             ("CONF_STATUS", "CL_CONF_STATUS", "Confidentiality status (flag)")]
    o = []
    o.append('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<mes:Structure xmlns:mes="%s" xmlns:str="%s" xmlns:com="%s">\n'
             '  <mes:Header>\n'
             '    <mes:ID>BENCH_SBS_R_NUTS2021_DSD</mes:ID>\n'
             '    <mes:Test>false</mes:Test>\n'
             '    <mes:Prepared>2024-05-17T09:14:02.117+02:00</mes:Prepared>\n'
             '    <mes:Sender id="ESTAT"/>\n'
             '  </mes:Header>\n'
             '  <mes:Structures>\n'
             '    <str:Codelists>\n' % (NS_MES, NS_STR, NS_COM))
    o.append(codelist("CL_FREQ", "Time frequency",
                      [("A", "Annual"), ("S", "Half-yearly, semesterly"), ("Q", "Quarterly"),
                       ("M", "Monthly"), ("W", "Weekly"), ("D", "Daily")]))
    o.append(codelist("CL_NACE_R2", "NACE Rev. 2",
                      [(c, "NACE Rev. 2 activity %s" % c) for c in NACE]))
    o.append(codelist("CL_INDIC_SBS", "SBS indicators",
                      [(c, "Indicator %s" % c) for c in INDICATORS]))
    o.append(codelist("CL_GEO", "Geopolitical entity",
                      [(c, "NUTS 2 region %s" % c) for c in GEO]))
    o.append(codelist("CL_OBS_FLAG", "Observation flag", OBS_FLAGS))
    o.append(codelist("CL_CONF_STATUS", "Confidentiality status", CONF_CODES))
    o.append('    </str:Codelists>\n'
             '    <str:Concepts>\n'
             '      <str:ConceptScheme id="CS_%s" agencyID="%s" version="1.0" isFinal="true">\n'
             '        <com:Name xml:lang="en">Concepts of %s</com:Name>\n' % (DSD_ID, AGENCY, DSD_ID))
    for cid, name in ([(d[0], d[2]) for d in dims] + [("TIME_PERIOD", "Time period")] +
                      [(a[0], a[2]) for a in attrs] + [("OBS_VALUE", "Observation value")]):
        o.append('        <str:Concept id="%s">\n'
                 '          <com:Name xml:lang="en">%s</com:Name>\n'
                 '        </str:Concept>\n' % (cid, esc(name)))
    o.append('      </str:ConceptScheme>\n'
             '    </str:Concepts>\n'
             '    <str:DataStructures>\n'
             '      <str:DataStructure id="%s" urn="%s" agencyID="%s" version="%s" isFinal="true">\n'
             '        <com:Name xml:lang="en">Enterprise statistics by size class and NUTS 2 region</com:Name>\n'
             '        <str:DataStructureComponents>\n'
             '          <str:DimensionList id="DimensionDescriptor">\n'
             % (DSD_ID, DSD_URN, AGENCY, DSD_VERSION))
    for pos, (did, cl_id, _name) in enumerate(dims, 1):
        o.append('            <str:Dimension id="%s" urn="%s.Dimension=%s:%s(%s).%s" position="%d">\n'
                 % (did, dsd_urn_prefix, AGENCY, DSD_ID, DSD_VERSION, did, pos))
        o.append(concept_ref(did))
        o.append(enum_ref(cl_id))
        o.append('            </str:Dimension>\n')
    o.append('            <str:TimeDimension id="TIME_PERIOD" urn="%s.TimeDimension=%s:%s(%s).TIME_PERIOD" position="%d">\n'
             % (dsd_urn_prefix, AGENCY, DSD_ID, DSD_VERSION, len(dims) + 1))
    o.append(concept_ref("TIME_PERIOD"))
    o.append('              <str:LocalRepresentation>\n'
             '                <str:TextFormat textType="ObservationalTimePeriod"/>\n'
             '              </str:LocalRepresentation>\n'
             '            </str:TimeDimension>\n'
             '          </str:DimensionList>\n'
             '          <str:AttributeList id="AttributeDescriptor">\n')
    for aid, cl_id, _name in attrs:
        o.append('            <str:Attribute id="%s" urn="%s.DataAttribute=%s:%s(%s).%s" assignmentStatus="Conditional">\n'
                 % (aid, dsd_urn_prefix, AGENCY, DSD_ID, DSD_VERSION, aid))
        o.append(concept_ref(aid))
        o.append(enum_ref(cl_id))
        o.append('              <str:AttributeRelationship>\n'
                 '                <str:PrimaryMeasure>\n'
                 '                  <Ref id="OBS_VALUE"/>\n'
                 '                </str:PrimaryMeasure>\n'
                 '              </str:AttributeRelationship>\n'
                 '            </str:Attribute>\n')
    o.append('          </str:AttributeList>\n'
             '          <str:MeasureList id="MeasureDescriptor">\n'
             '            <str:PrimaryMeasure id="OBS_VALUE" urn="%s.PrimaryMeasure=%s:%s(%s).OBS_VALUE">\n'
             % (dsd_urn_prefix, AGENCY, DSD_ID, DSD_VERSION))
    o.append(concept_ref("OBS_VALUE"))
    o.append('              <str:LocalRepresentation>\n'
             '                <str:TextFormat textType="Double"/>\n'
             '              </str:LocalRepresentation>\n'
             '            </str:PrimaryMeasure>\n'
             '          </str:MeasureList>\n'
             '        </str:DataStructureComponents>\n'
             '      </str:DataStructure>\n'
             '    </str:DataStructures>\n'
             '  </mes:Structures>\n'
             '</mes:Structure>\n')
    out.write("".join(o))
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kind", choices=["ss", "generic", "structure"])
    ap.add_argument("--obs", type=int, default=1_000_000, help="number of observations (ss, generic)")
    ap.add_argument("-o", "--output", required=True, help="output file ('-' for stdout)")
    ap.add_argument("--meta", help="also write one line 'KIND OBS SERIES BYTES GEN_SHA256' to this file")
    args = ap.parse_args(argv)
    if args.obs < 0:
        ap.error("--obs must be >= 0")

    start = time.monotonic()
    if args.output == "-":
        out = sys.stdout
        tmp = None
    else:
        tmp = args.output + ".part"
        out = open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20)
    try:
        if args.kind == "ss":
            n_series = write_ss(out, args.obs)
        elif args.kind == "generic":
            n_series = write_generic(out, args.obs)
        else:
            n_series = write_structure(out)
        out.flush()
    except BaseException:
        if tmp:
            out.close()
            os.unlink(tmp)
        raise
    if tmp:
        out.close()
        os.replace(tmp, args.output)
        size = os.path.getsize(args.output)
    else:
        size = -1
    elapsed = time.monotonic() - start
    obs = args.obs if args.kind != "structure" else 0
    if args.meta:
        with open(__file__, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        with open(args.meta, "w", encoding="ascii") as f:
            f.write("%s %d %d %d %s\n" % (args.kind, obs, n_series, size, digest))
    print("gen_sdmx: %s %s: %d observations, %d series, %d bytes, %.1f s"
          % (args.kind, args.output, obs, n_series, size, elapsed), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
