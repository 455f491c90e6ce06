/* pico.c: the PICO table (values as in PETRARCH-2's utilities.convert_code, MIT,
 * Open Event Data Alliance) and its combination rule. */
#include "code/pico.h"

#include <stdlib.h>
#include <string.h>

#define NEG 0xFFFF

typedef struct pico {
    const char *cameo;
    int v;
} pico;

/* In CAMEO order. Where several codes share a value, the reverse lookup takes
 * the entry marked preferred below (first in this table otherwise). The
 * protest sub-codes 141-145x are dyad's additions (PETRARCH-2 folds them into
 * 140): they keep the protest digit and add a topic digit. */
static const pico table[] = {
    {"010", 0x1000}, {"011", 0x1000 - NEG}, {"012", 0x100C}, {"013", 0x1001}, {"014", 0x1002},
    {"015", 0x10a0}, {"016", 0x10a0 - NEG}, {"017", 0x1003}, {"018", 0x1004}, {"019", 0x1005},
    {"020", 0x2000}, {"021", 0x2070}, {"0211", 0x2075}, {"0212", 0x2076}, {"0213", 0x2078},
    {"0214", 0x207A}, {"022", 0x2080}, {"023", 0x2040}, {"0231", 0x2045}, {"0232", 0x2046},
    {"0233", 0x2047}, {"0234", 0x2049}, {"024", 0x2060}, {"0241", 0x2061}, {"0242", 0x2062},
    {"0243", 0x2063}, {"0244", 0x2064}, {"025", 0x2200}, {"0251", 0x220B}, {"0252", 0x220C},
    {"0253", 0x220D}, {"0254", 0x2205}, {"0255", 0x220E}, {"0256", 0x220F}, {"026", 0x2010},
    {"027", 0x2020}, {"028", 0x2030},
    {"030", 0x3000}, {"031", 0x3070}, {"0311", 0x3075}, {"0312", 0x3076}, {"0313", 0x3078},
    {"0314", 0x307A}, {"032", 0x3080}, {"033", 0x3040}, {"0331", 0x3045}, {"0332", 0x3046},
    {"0333", 0x3047}, {"0334", 0x3049}, {"034", 0x3060}, {"0341", 0x3061}, {"0342", 0x3062},
    {"0343", 0x3063}, {"0344", 0x3064}, {"035", 0x3200}, {"0351", 0x320B}, {"0352", 0x320C},
    {"0353", 0x320D}, {"0354", 0x3205}, {"0355", 0x320E}, {"0356", 0x320F}, {"036", 0x3010},
    {"037", 0x3020}, {"038", 0x3230}, {"039", 0x3030},
    {"040", 0xB000}, {"041", 0xB001}, {"042", 0xB002}, {"043", 0xB003}, {"044", 0xB010},
    {"045", 0xB030}, {"046", 0xB010},
    {"050", 0x0080}, {"051", 0x0081}, {"052", 0x0082}, {"053", 0x0083}, {"054", 0x0084},
    {"055", 0x0085}, {"056", 0x0086}, {"057", 0x0087},
    {"060", 0x0070}, {"061", 0x0075}, {"062", 0x0076}, {"063", 0x0078}, {"064", 0x007A},
    {"070", 0x0040}, {"071", 0x0045}, {"072", 0x0046}, {"073", 0x0047}, {"074", 0x0049},
    {"075", 0x004E},
    {"080", 0x0200}, {"081", 0x020B}, {"0811", 0x0203}, {"0812", 0x0201}, {"0813", 0x0204},
    {"0814", 0x0206}, {"082", 0x020C}, {"083", 0x0260}, {"0831", 0x0261}, {"0832", 0x0262},
    {"0833", 0x0263}, {"0834", 0x0264}, {"084", 0x0250}, {"0841", 0x020C}, {"0842", 0x020C},
    {"085", 0x0205}, {"086", 0x020E}, {"0861", 0x0209}, {"0862", 0x020A}, {"0863", 0x0207},
    {"087", 0x02C0}, {"0871", 0x02C9}, {"0872", 0x02C1}, {"0873", 0x02C6}, {"0874", 0x02C2},
    {"090", 0xA000}, {"091", 0xA001}, {"092", 0xA002}, {"093", 0xA003}, {"094", 0xA004},
    {"100", 0x4000}, {"101", 0x4070}, {"1011", 0x4075}, {"1012", 0x4076}, {"1013", 0x4078},
    {"1014", 0x407A}, {"102", 0x4080}, {"103", 0x4040}, {"1031", 0x4045}, {"1032", 0x4046},
    {"1033", 0x4047}, {"1034", 0x4049}, {"104", 0x4060}, {"1041", 0x4061}, {"1042", 0x4062},
    {"1043", 0x4063}, {"1044", 0x4064}, {"105", 0x4200}, {"1051", 0x420B}, {"1052", 0x420C},
    {"1053", 0x420D}, {"1054", 0x4205}, {"1055", 0x420E}, {"1056", 0x420F}, {"106", 0x4010},
    {"107", 0x4020}, {"108", 0x4030},
    {"110", 0x7000}, {"111", 0x7001}, {"112", 0x70a0}, {"1121", 0x70a1}, {"1122", 0x70a2},
    {"1123", 0x70a3}, {"1124", 0x70a4}, {"1125", 0x70a5}, {"113", 0x7002}, {"114", 0x7003},
    {"115", 0x7008}, {"116", 0x7005},
    {"120", -NEG}, {"121", -NEG + 0x0070}, {"1211", -NEG + 0x0075}, {"1212", -NEG + 0x0076},
    {"122", -NEG + 0x2040 + 0x300}, {"1221", -NEG + 0x2045 + 0x300},
    {"1222", -NEG + 0x2046 + 0x300}, {"1223", -NEG + 0x2047 + 0x300},
    {"1224", -NEG + 0x2049 + 0x300}, {"123", -NEG + 0x2060 + 0x300},
    {"1231", -NEG + 0x2061 + 0x300}, {"1232", -NEG + 0x2062 + 0x300},
    {"1233", -NEG + 0x2063 + 0x300}, {"1234", -NEG + 0x2064 + 0x300}, {"124", -NEG + 0x0200},
    {"1241", -NEG + 0x020B}, {"1242", -NEG + 0x020C}, {"1243", -NEG + 0x020D},
    {"1244", -NEG + 0x0205}, {"1245", -NEG + 0x020E}, {"1246", -NEG + 0x02C0},
    {"125", -NEG + 0x0010}, {"126", -NEG + 0x0030}, {"127", -NEG + 0x0020},
    {"128", -NEG + 0x0002}, {"129", -NEG + 0x0001},
    {"130", 0x6000}, {"131", 0x6100}, {"1311", 0x6140}, {"1312", 0x6105}, {"1313", 0x6180},
    {"132", 0x600B}, {"1321", 0x6003}, {"1322", 0x6001}, {"1323", 0x6004}, {"1324", 0x6006},
    {"133", 0x600C}, {"134", 0x6010}, {"135", 0x6030}, {"136", 0x600E}, {"137", 0x6004},
    {"138", 0x60A0}, {"1381", 0x60A1}, {"1382", 0x60A2}, {"1383", 0x60A3}, {"1384", 0x60A4},
    {"1385", 0x60B0}, {"139", 0x6005},
    {"140", 0x5000}, {"141", 0x5010}, {"1411", 0x5011}, {"1412", 0x5012}, {"1413", 0x5013},
    {"1414", 0x5014}, {"142", 0x5020}, {"1421", 0x5021}, {"1422", 0x5022}, {"1423", 0x5023},
    {"1424", 0x5024}, {"143", 0x5030}, {"1431", 0x5031}, {"1432", 0x5032}, {"1433", 0x5033},
    {"1434", 0x5034}, {"144", 0x5040}, {"1441", 0x5041}, {"1442", 0x5042}, {"1443", 0x5043},
    {"1444", 0x5044}, {"145", 0x50A0}, {"1451", 0x50A1}, {"1452", 0x50A2}, {"1453", 0x50A3},
    {"1454", 0x50A4},
    {"150", 0x8000}, {"151", 0x8001}, {"152", 0x8002}, {"153", 0x8003}, {"154", 0x8004},
    {"160", 0x0100}, {"161", 0x0180}, {"162", 0x0140}, {"1621", 0x0145}, {"1622", 0x0146},
    {"1623", 0x0147}, {"163", 0x000B}, {"164", 0x0110}, {"165", 0x0130}, {"166", 0x0150},
    {"1661", 0x0159}, {"1662", 0x015A}, {"1663", 0x015E},
    {"170", 0x9000}, {"171", 0x9010}, {"1711", 0x9011}, {"1712", 0x9012}, {"172", 0x900B},
    {"1721", 0x9003}, {"1722", 0x9001}, {"1723", 0x9004}, {"1724", 0x9006}, {"173", 0x9020},
    {"174", 0x9030}, {"175", 0x9040},
    {"180", 0x0090}, {"181", 0x0091}, {"182", 0x0092}, {"1821", 0x0093}, {"1822", 0x0094},
    {"1823", 0x0095}, {"1824", 0x0096}, {"183", 0x0097}, {"1831", 0x0098}, {"1832", 0x0099},
    {"1833", 0x009A}, {"1834", 0x009B}, {"184", 0x009C}, {"185", 0x009D}, {"186", 0x009E},
    {"190", 0x00A0}, {"191", 0x00A1}, {"192", 0x00A2}, {"193", 0x00A3}, {"194", 0x00A4},
    {"195", 0x00A5}, {"1951", 0x00A6}, {"1952", 0x00A7}, {"196", 0x00A8},
    {"200", 0x00B0},
};

#define NTABLE ((int)(sizeof table / sizeof *table))

/* Values several codes share: the code the reverse lookup gives. */
static const pico preferred[] = {
    {"0841", 0x020C}, /* release (082 and 0842 share it) */
    {"046", 0xB010},  /* engage in negotiation (044 shares it) */
    {"138", 0x30a0},  /* "want to attack" */
};

/* The table is sorted by code (tests/code/test_tcoder.c checks it): binary search. */
static int lookup(const char *code)
{
    int lo = 0, hi = NTABLE - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, c = strcmp(table[mid].cameo, code);
        if (!c)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

int dyad_pico_table_sorted(void)
{
    for (int i = 1; i < NTABLE; i++)
        if (strcmp(table[i - 1].cameo, table[i].cameo) >= 0)
            return 0;
    return 1;
}

/* One side of "a:b": exact, else the root ("1234" -> "120"), else 0. */
static int side(const char *s, size_t n)
{
    char buf[8];
    if (n == 0 || n >= sizeof buf || !strncmp(s, "---", 3))
        return 0;
    memcpy(buf, s, n);
    buf[n] = 0;
    int i = lookup(buf);
    if (i >= 0)
        return table[i].v;
    if (n < 2)
        return 0;
    char root[4] = {buf[0], buf[1], '0', 0};
    i = lookup(root);
    return i >= 0 ? table[i].v : 0;
}

int dyad_pico_from_cameo(const char *code, int *passive)
{
    if (passive)
        *passive = 0;
    if (!code)
        return 0;
    const char *colon = strchr(code, ':');
    if (!colon)
        return side(code, strlen(code));
    if (passive)
        *passive = side(colon + 1, strlen(colon + 1));
    return side(code, (size_t)(colon - code));
}

const char *dyad_pico_to_cameo(int v)
{
    for (size_t i = 0; i < sizeof preferred / sizeof *preferred; i++)
        if (preferred[i].v == v)
            return preferred[i].cameo;
    if (v == 0)
        return NULL;
    for (int i = 0; i < NTABLE; i++)
        if (table[i].v == v)
            return table[i].cameo;
    return NULL;
}

int dyad_pico_combine(int upper, int lower)
{
    if (lower < 0)
        return lower + upper;
    if (upper >= 0x1000 && lower >= 0x1000)
        return lower; /* two verbal codes: the nested one */
    if (lower >= upper)
        return lower;
    return upper + lower;
}

int dyad_pico_combine_act(int upper, int lower)
{
    int top;
    if (upper == -NEG)
        top = -NEG;
    else if (upper == 0x2000 || upper == 0x3000)
        top = upper;
    else
        return 0;
    if (lower <= 0)
        return 0;
    int low = lower;
    if ((low & 0xF000) == 0xB000) {
        /* meeting, visiting, mediating: 026/036/125 meet, 028/039/126 mediate */
        if (!(low & 0x0FF0) && (low & 0x000F) && top != -NEG)
            return 0; /* "prepared to attend": the visit itself (041-043) */
        low &= 0x0FF0;
        if (!low)
            low = 0x0010;
    } else if (low == 0x1000 && top == -NEG) {
        /* "declined to comment": 011 */
    } else if (low >= 0x1000) {
        return 0; /* a statement, demand, threat... of its own */
    }
    for (int shift = 0; shift < 16; shift += 4) {
        int v = top + (low & (0xFFFF << shift) & 0xFFFF);
        if (dyad_pico_to_cameo(v))
            return v;
    }
    return top;
}
