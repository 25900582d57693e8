/* test_petrarch.c — `vigie dict import --from petrarch` on the project's own PETRARCH-format
** dictionaries (tests/data/petrarch/): what is converted, what is reported with file, line and
** reason, and that the engine codes with the result: paired codes, dated codes, synsets, negated,
** pre-verb and null-code patterns, discards, codes beyond CAMEO. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dict.h"
#include "harness.h"
#include "vigie.h"

static char outdir[256];
static char report[16384];
static vg_import_counts counts;
static vg_status import_rc;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

static void import_demo(void)
{
    static const char *const names[] = { "demo.actors.txt", "demo.agents.txt", "demo.verbs.txt", "demo.discards.txt" };
    char paths[4][1024], *files[4];
    for (int i = 0; i < 4; i++) {
        snprintf(paths[i], sizeof paths[i], "%s/tests/data/petrarch/%s", h_root, names[i]);
        files[i] = paths[i];
    }
    snprintf(outdir, sizeof outdir, "/tmp/vigie-petrarch-%ld", (long)getpid());
    FILE *rep = tmpfile();
    char err[256] = "";
    import_rc = vg_import_petrarch(files, 4, outdir, rep, &counts, err, sizeof err);
    rewind(rep);
    size_t n = fread(report, 1, sizeof report - 1, rep);
    report[n] = 0;
    fclose(rep);
}

static int has_line(const char *file, const char *line)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", outdir, file);
    const char *t = slurp(path);
    if (!t)
        return 0;
    size_t n = strlen(line);
    for (const char *p = t; (p = strstr(p, line)); p++)
        if ((p == t || p[-1] == '\n') && (p[n] == '\n' || !p[n]))
            return 1;
    return 0;
}

/* Each refused entry is reported once, with its file, line and reason; the rest is converted. */
static void reports_what_it_cannot_convert(void)
{
    CHECK_EQ_INT(import_rc, VG_OK);
    static const char *const want[] = {
        "demo.actors.txt:17: not converted: several codes for one phrase",
        "demo.actors.txt:18: not converted: null actor code",
        "demo.actors.txt:19: not converted: \"FREX\" is not an actor code",
        "demo.agents.txt:8: not converted: kept the first role (MUS)",
        "demo.agents.txt:9: not converted: an agent code before the country",
        "demo.verbs.txt:20: not converted: an actor before the verb other than the subject",
        "demo.verbs.txt:28: not converted: \"xyz\" is not an event code",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        CHECKF(strstr(report, want[i]) != NULL, "report lacks \"%s\":\n%s", want[i], report);
    size_t lines = 0;
    for (const char *p = report; (p = strchr(p, '\n')); p++)
        lines++;
    CHECK_EQ_INT(lines, sizeof want / sizeof *want);
    /* an entry is counted once: the agent that kept its first role is converted, with its note */
    CHECK_EQ_INT(counts.skipped, sizeof want / sizeof *want - 1);
    CHECK(counts.converted > 20 && counts.read == counts.converted + counts.skipped);
}

static void converted_files(void)
{
    /* countries: a stem gets its endings, an exact entry (trailing _) does not */
    CHECK(has_line("en/countries.txt", "SYL\tname\tsylvania"));
    char path[512];
    snprintf(path, sizeof path, "%s/en/countries.txt", outdir);
    const char *c = slurp(path);
    CHECK(c && !strstr(c, "sylvanian") && strstr(c, "ruritania") && strstr(c, "freedonian"));
    /* dated codes: TABARI's <YYMMDD, PETRARCH's D1 - D2 and >YYYYMMDD */
    CHECK(has_line("actors.txt", "rufus firefly\tFRECIV ..1992-12-31, FREGOV 1993-01-01..1999-12-31, FREOPP 2000-01-01.."));
    CHECK(has_line("en/agents.txt", "GOV\tharbour master | harbour masters"));
    CHECK(has_line("en/agents.txt", "MIL\tcoastman | coastmen | coastwoman | coastwomen"));
    snprintf(path, sizeof path, "%s/codes.txt", outdir);
    c = slurp(path); /* codes beyond CAMEO, declared once each */
    CHECK(c && strstr(c, "\nrole\tMUS\t") && strstr(c, "\nevent\t917\t") && !strstr(c, "\tCRM\t") &&
          !strstr(c, "\t070\t"));
    const char *once = c ? strstr(c, "\nevent\t0711\t") : NULL;
    CHECK(once && !strstr(once + 1, "\nevent\t0711\t"));
    /* verbs: paired code, nested synsets, a negated pattern merged, a null code, pre-verb words */
    CHECK(has_line("en/triggers.txt", "032\t{S} visit\tback=033"));
    CHECK(has_line("en/triggers.txt", "070\t{S} ship\tneg=081"));
    CHECK(has_line("en/triggers.txt", "0711\t{S} ship copper ore to {T}"));
    CHECK(has_line("en/triggers.txt", "---\t{S} ship weapons"));
    CHECK(has_line("en/triggers.txt", "123\t{S} loudly =denounce"));
    CHECK(has_line("en/triggers.txt", "0712\t{S} ship supplies to {T}"));
    CHECK(has_line("en/discards.txt", "story\tregatta"));
    CHECK(has_line("en/discards.txt", "sentence\ttug of war"));
    /* a form the verb's inflection makes is no verb of its own */
    snprintf(path, sizeof path, "%s/en/triggers.txt", outdir);
    c = slurp(path);
    CHECK(c && !strstr(c, "shipped"));
}

static vg_engine *E;
static vg_doc *D;

/* The events of text, "SRC TGT CODE" each, sorted, joined by "; ". */
static const char *code(const char *text, const char *date)
{
    static char out[1024];
    vg_docinfo info = { NULL, VG_LANG_EN, date };
    out[0] = 0;
    if (vg_code(D, text, strlen(text), &info) != VG_OK)
        return "(error)";
    char ev[32][48];
    size_t n = vg_doc_nevents(D);
    for (size_t i = 0; i < n && i < 32; i++) {
        const vg_event *e = vg_doc_event(D, i);
        snprintf(ev[i], sizeof ev[i], "%s %s %s", e->source, e->target, e->code);
    }
    qsort(ev, n < 32 ? n : 32, sizeof ev[0], (int (*)(const void *, const void *))strcmp);
    for (size_t i = 0; i < n && i < 32; i++) {
        size_t k = strlen(out);
        snprintf(out + k, sizeof out - k, "%s%s", i ? "; " : "", ev[i]);
    }
    return out;
}

static void codes_with_the_import(void)
{
    vg_options o = { 0 };
    o.dict_dir = outdir;
    vg_status rc = vg_engine_open(&o, &E);
    CHECKF(rc == VG_OK, "engine: %s", vg_engine_errmsg(E));
    if (rc != VG_OK || vg_doc_new(E, &D) != VG_OK)
        return;
    static const struct { const char *text, *date, *want; } cases[] = {
        /* a paired code: the host receives */
        { "Freedonia visited Sylvania on Monday.", "2015-03-02", "FRE SYL 032; SYL FRE 033" },
        /* dated codes against the document's date */
        { "Rufus Firefly denounced Latveria.", "1995-06-01", "FREGOV LAT 122" },
        { "Rufus Firefly denounced Latveria.", "2005-06-01", "FREOPP LAT 122" },
        { "Rufus Firefly denounced Latveria.", "1990-06-01", "FRECIV LAT 122" },
        /* stems, agents, a synset inside a synset, a code beyond CAMEO */
        { "Ruritanian smugglers shipped copper ore to Doomstadt.", "2010-01-01", "RURCRM LAT 0711" },
        /* negation codes the neg= code */
        { "Freedonia did not ship anything to Sylvania.", "2010-01-01", "FRE SYL 081" },
        { "Freedonia shipped food to Sylvania.", "2010-01-01", "FRE SYL 070" },
        /* words before the verb */
        { "Sylvania loudly denounced Freedonia.", "2010-01-01", "SYL FRE 123" },
        /* a null code: the longer pattern says no event */
        { "Freedonia shipped weapons to Sylvania.", "2010-01-01", "" },
        /* an agent with a title and a person coded by country alone */
        { "The Freedonian government saluted the Ruritanian coastmen.", "2010-01-01", "FREGOV RURMIL 917" },
        /* an exact entry (SYLVANIA_) has no stem forms: "Sylvanian" is no one */
        { "The Freedonian government saluted the Sylvanian coastmen.", "2010-01-01", "FREGOV FREMIL 917" },
        /* discards: the story, or the sentence */
        { "Freedonia visited Sylvania for the regatta.", "2010-01-01", "" },
        { "Freedonia denounced Sylvania. Latveria denounced Ruritania at the tug of war final.", "2010-01-01",
          "FRE SYL 122" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *got = code(cases[i].text, cases[i].date);
        CHECKF(!strcmp(got, cases[i].want), "\"%s\" (%s): got \"%s\", want \"%s\"", cases[i].text, cases[i].date,
               got, cases[i].want);
    }
    /* a pattern event of a declared code has its name's quad: none given, 0 */
    code("The Freedonian government saluted the Ruritanian coastmen.", "2010-01-01");
    CHECK(vg_doc_nevents(D) == 1 && vg_doc_event(D, 0)->quad == 0);
    vg_doc_free(D);
    vg_engine_close(E);
}

/* Without its codes.txt, the same dictionary is refused: a role or code beyond CAMEO must be
** declared. */
static void undeclared_code_refused(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "mv %s/codes.txt %s/codes.off", outdir, outdir);
    CHECK_EQ_INT(system(cmd), 0);
    vg_options o = { 0 };
    o.dict_dir = outdir;
    vg_engine *e = NULL;
    CHECK_EQ_INT(vg_engine_open(&o, &e), VG_EDICT);
    CHECKF(strstr(vg_engine_errmsg(e), "agents.txt:7: unknown role \"MUS\"") && strstr(vg_engine_errmsg(e), "codes.txt"),
           "message: %s", vg_engine_errmsg(e));
    vg_engine_close(e);
    snprintf(cmd, sizeof cmd, "mv %s/codes.off %s/codes.txt", outdir, outdir);
    CHECK_EQ_INT(system(cmd), 0);
    /* and a dictionary directory that does not exist is named */
    o.dict_dir = "/nonexistent/vigie-dict";
    CHECK_EQ_INT(vg_engine_open(&o, &e), VG_EDICT);
    CHECK(strstr(vg_engine_errmsg(e), "/nonexistent/vigie-dict") != NULL);
    vg_engine_close(e);
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    import_demo();
    RUN(reports_what_it_cannot_convert);
    RUN(converted_files);
    RUN(codes_with_the_import);
    RUN(undeclared_code_refused);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", outdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", outdir);
    return h_report();
}
