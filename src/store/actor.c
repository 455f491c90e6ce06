/* actor.c: splitting CAMEO actor codes the way the Phoenix pipeline does.
 *
 * A code is a run of three-letter groups: "IRNGOVMIL" is Iran, government,
 * military. The Phoenix data set splits it into a root (a country, or one of
 * the IGO/NGO/IMG/MNC roots), a primary agent (GOV, MIL, REB, OPP, PTY, COP,
 * JUD, SPY, MED, EDU, BUS, CRM, CVL) and the other groups. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

/* ISO 3166-1 alpha-3 codes, sorted (bsearch), plus codes CAMEO dictionaries
 * use for states that have none (KSV Kosovo, SCG Serbia and Montenegro). */
static const char countries[][4] = {
    "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF",
    "ATG", "AUS", "AUT", "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS",
    "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF",
    "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM", "CPV",
    "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK", "DOM", "DZA",
    "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM",
    "GAB", "GBR", "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD",
    "GRL", "GTM", "GUF", "GUM", "GUY", "HKG", "HMD", "HND", "HRV", "HTI", "HUN", "IDN", "IMN",
    "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA", "JAM", "JEY", "JOR", "JPN", "KAZ",
    "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KSV", "KWT", "LAO", "LBN", "LBR", "LBY", "LCA",
    "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDV",
    "MEX", "MHL", "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ",
    "MUS", "MWI", "MYS", "MYT", "NAM", "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR",
    "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PCN", "PER", "PHL", "PLW", "PNG", "POL", "PRI",
    "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS", "RWA", "SAU", "SCG", "SDN",
    "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SSD",
    "STP", "SUR", "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA",
    "TJK", "TKL", "TKM", "TLS", "TON", "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR",
    "UMI", "URY", "USA", "UZB", "VAT", "VCT", "VEN", "VGB", "VIR", "VNM", "VUT", "WLF", "WSM",
    "YEM", "ZAF", "ZMB", "ZWE",
};

static const char roots[][4] = {"IGO", "IMG", "MNC", "NGO"};
static const char agents[][4] = {"BUS", "COP", "CRM", "CVL", "EDU", "GOV", "JUD",
                                 "MED", "MIL", "OPP", "PTY", "REB", "SPY"};

static int cmp3(const void *a, const void *b) { return strncmp(a, b, 3); }

static int in_list(const char *code3, const char (*list)[4], size_t n)
{
    if (strlen(code3) < 3)
        return 0;
    return bsearch(code3, list, n, sizeof list[0], cmp3) != NULL;
}

int dyad_store__is_country(const char *code3)
{
    return in_list(code3, countries, sizeof countries / sizeof countries[0]);
}

void dyad_store__actor_split(const char *code, char root[4], char agent[4], char *others,
                      size_t others_size)
{
    root[0] = agent[0] = 0;
    if (others_size)
        others[0] = 0;
    if (!code || !strcmp(code, "---"))
        return;
    size_t n = strlen(code);
    if (dyad_store__is_country(code) || in_list(code, roots, sizeof roots / sizeof roots[0]))
        snprintf(root, 4, "%.3s", code);
    if (n >= 6 && in_list(code + 3, agents, sizeof agents / sizeof agents[0]))
        snprintf(agent, 4, "%.3s", code + 3);
    size_t used = 0;
    for (size_t i = agent[0] ? 6 : 3; i < n && others_size; i += 3) {
        int w = snprintf(others + used, others_size - used, "%s%.3s", used ? ";" : "", code + i);
        if (w < 0 || (size_t)w >= others_size - used)
            break;
        used += (size_t)w;
    }
}
