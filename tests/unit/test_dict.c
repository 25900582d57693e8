/* test_dict.c — the dictionary compiler's parts: verb morphology from Verbiste and WordNet
** (irregular forms, moods), inflection rules, the codebook, civil dates, and the loader's errors
** (file:line and reason for a bad line). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dict.h"
#include "harness.h"

typedef struct {
    const char *want;
    unsigned feats;
    int found;
} form_probe;

static void on_form(void *ctx, const char *form, unsigned feats)
{
    form_probe *p = ctx;
    if (!strcmp(form, p->want) && (!p->feats || (feats & p->feats)))
        p->found = 1;
}

static vg_mem mem;

static int has_form(vg_morph *m, const char *lemma, const char *form, unsigned feats)
{
    form_probe p = { form, feats, 0 };
    vg_morph_forms(m, lemma, on_form, &p);
    return p.found;
}

static void french_irregular_verbs(void)
{
    vg_morph *m;
    char err[256];
    CHECK_EQ_INT(vg_morph_open(&mem, "fr", &m, err, sizeof err), VG_OK);
    static const struct { const char *lemma, *form; unsigned feats; } cases[] = {
        { "démentir", "dément", VG_VF_PRES }, { "démentir", "démenti", VG_VF_PPART },
        { "dire", "dit", VG_VF_PPART }, { "dire", "dit", VG_VF_PRES }, { "faire", "fait", VG_VF_PPART },
        { "prendre", "pris", VG_VF_PPART }, { "mettre", "mis", VG_VF_PPART }, { "tenir", "tient", VG_VF_PRES },
        { "venir", "vient", VG_VF_PRES }, { "recevoir", "reçu", VG_VF_PPART },
        { "accuser", "accuserait", VG_VF_COND }, { "accuser", "accusées", VG_VF_PPART },
        { "accuser", "accusèrent", VG_VF_PAST }, { "être", "été", VG_VF_PPART }, { "avoir", "ont", VG_VF_PRES },
        { "entretenir", "entretenu", VG_VF_PPART }, { "appeler", "appelle", VG_VF_PRES },
        { "menacer", "menaçons", VG_VF_PRES }, { "céder", "cède", VG_VF_PRES },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECKF(has_form(m, cases[i].lemma, cases[i].form, cases[i].feats), "%s should give %s", cases[i].lemma,
               cases[i].form);
    CHECK(!has_form(m, "accuser", "accusait", VG_VF_COND)); /* imparfait is not conditional */
    CHECK(!vg_morph_forms(m, "xyzzyer", on_form, &(form_probe){ "x", 0, 0 }));
    vg_morph_close(m);
}

static void english_verbs(void)
{
    vg_morph *m;
    char err[256];
    CHECK_EQ_INT(vg_morph_open(&mem, "en", &m, err, sizeof err), VG_OK);
    static const struct { const char *lemma, *form; unsigned feats; } cases[] = {
        { "say", "said", VG_VF_PAST }, { "meet", "met", VG_VF_PPART }, { "fight", "fought", VG_VF_PAST },
        { "strike", "struck", VG_VF_PAST }, { "seek", "sought", VG_VF_PPART }, { "accuse", "accused", VG_VF_PPART },
        { "accuse", "accuses", VG_VF_PRES }, { "accuse", "accusing", VG_VF_PPRES }, { "deny", "denied", VG_VF_PAST },
        { "deny", "denies", VG_VF_PRES }, { "stop", "stopped", VG_VF_PAST }, { "shell", "shelled", VG_VF_PPART },
        { "be", "was", VG_VF_PAST }, { "be", "been", VG_VF_PPART }, { "have", "has", VG_VF_PRES },
        { "hold", "held", VG_VF_PAST },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECKF(has_form(m, cases[i].lemma, cases[i].form, cases[i].feats), "%s should give %s", cases[i].lemma,
               cases[i].form);
    vg_morph_close(m);
}

static void inflection_rules(void)
{
    char path[4096], err[256], out[64];
    vg_inflect fr, en;
    snprintf(path, sizeof path, "%s/data/text/fr/inflect.txt", h_root);
    CHECK_EQ_INT(vg_inflect_load(&fr, path, err, sizeof err), VG_OK);
    snprintf(path, sizeof path, "%s/data/text/en/inflect.txt", h_root);
    CHECK_EQ_INT(vg_inflect_load(&en, path, err, sizeof err), VG_OK);
    const struct { const vg_rules *r; const char *in, *out; } cases[] = {
        { &fr.plural, "rebelle", "rebelles" }, { &fr.plural, "general", "generaux" },
        { &fr.plural, "bureau", "bureaux" }, { &fr.plural, "pays", "pays" }, { &fr.feminine, "syrien", "syrienne" },
        { &fr.feminine, "americain", "americaine" }, { &fr.feminine, "russe", "russe" },
        { &en.plural, "militia", "militias" }, { &en.plural, "ally", "allies" }, { &en.plural, "policeman", "policemen" },
        { &en.plural, "witness", "witnesses" }, { &en.plural, "chinese", "chinese" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK(vg_inflect_apply(cases[i].r, cases[i].in, out, sizeof out));
        CHECK_EQ_STR(out, cases[i].out);
    }
}

static void codebook(void)
{
    const vg_cameo *c = vg_cameo_find("196", 3);
    CHECK(c && c->quad == 4 && c->goldstein < -9.0f && strstr(c->name, "ceasefire"));
    CHECK(vg_cameo_find("0871", 4) && vg_cameo_find("0871", 4)->quad == 2);
    CHECK(!vg_cameo_find("999", 3));
    CHECK(vg_cameo_count() > 300);
    for (size_t i = 0; i < vg_cameo_count(); i++) { /* every code's quad agrees with its root */
        const vg_cameo *x = vg_cameo_at(i);
        int root = (x->code[0] - '0') * 10 + (x->code[1] - '0');
        int quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
        CHECKF(x->quad == quad, "code %s quad %d", x->code, x->quad);
        CHECKF(vg_cameo_find(x->code, strlen(x->code)) == x, "code %s not found by its own name", x->code);
    }
    /* prefixes and extensions of codes are not codes: 01 is, 0 and 0100 are not */
    CHECK(vg_cameo_find("01", 2) && !vg_cameo_find("0", 1) && !vg_cameo_find("0100", 4) && !vg_cameo_find("", 0));
    CHECK(vg_cameo_find("0871x", 4) == vg_cameo_find("0871", 4)); /* n bytes of the key, not more */
    CHECK(vg_role_find("GOV", 3) && vg_role_find("REB", 3) && !vg_role_find("XYZ", 3));
}

static void civil_dates(void)
{
    CHECK_EQ_INT(vg_days_from_civil(1970, 1, 1), 0);
    CHECK_EQ_INT(vg_weekday(vg_days_from_civil(2016, 7, 15)), 4); /* a Friday */
    int y, m, d;
    for (int32_t z = -800000; z < 800000; z += 997) {
        vg_civil_from_days(z, &y, &m, &d);
        CHECKF(vg_days_from_civil(y, m, d) == z, "day %d", (int)z);
    }
    vg_civil_from_days(vg_days_from_civil(2016, 2, 29) + 1, &y, &m, &d);
    CHECK(y == 2016 && m == 3 && d == 1);
}

/* A copy of data/ with one line broken: the engine refuses to open and says where. */
static void loader_reports_file_and_line(void)
{
    char dir[] = "/tmp/vigie-test-XXXXXX", cmd[16384], path[1024];
    if (!mkdtemp(dir)) {
        CHECK(0);
        return;
    }
    snprintf(cmd, sizeof cmd, "cp -r '%s/data' '%s/data'", h_root, dir);
    CHECK_EQ_INT(system(cmd), 0);
    static const struct { const char *file, *line, *why; } bad[] = {
        { "dict/fr/triggers.txt", "9999\t{S} accuser {T}", "unknown CAMEO code" },
        { "dict/fr/triggers.txt", "112\t{S} zorglubter {T}", "unknown French verb" },
        { "dict/actors.txt", "Jean Personne\tFRAGOV 2020-13-01..", "bad date" },
        { "dict/actors.txt", "Jean Personne\tFRAGOV 2020-01-01..2019-01-01", "ends before it starts" },
        { "dict/fr/agents.txt", "XYZ\tzorglub", "unknown role" },
        { "dict/en/countries.txt", "FRA\tcapitol\tParis", "unknown kind" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(path, sizeof path, "%s/data/%s", dir, bad[i].file);
        snprintf(cmd, sizeof cmd, "cp '%s/data/%s' '%s.orig' && printf '%%s\\n' '%s' >> '%s'", h_root, bad[i].file,
                 path, bad[i].line, path);
        CHECK_EQ_INT(system(cmd), 0);
        char ddir[4200];
        snprintf(ddir, sizeof ddir, "%s/data", dir);
        vg_options o = { 0 };
        o.data_dir = ddir;
        vg_engine *e = NULL;
        vg_status rc = vg_engine_open(&o, &e);
        CHECKF(rc == VG_EDICT, "%s: status %d", bad[i].line, rc);
        const char *msg = vg_engine_errmsg(e);
        CHECKF(strstr(msg, bad[i].file) && strstr(msg, bad[i].why) && strchr(msg, ':'), "message: %s", msg);
        vg_engine_close(e);
        snprintf(cmd, sizeof cmd, "mv '%s.orig' '%s'", path, path);
        CHECK_EQ_INT(system(cmd), 0);
    }
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_EQ_INT(system(cmd), 0);
}

/* Every CAMEO code of the codebook has its PLOVER line: one of PLOVER's sixteen event types, or
** unmapped where the public CAMEO-to-PLOVER table gives none (roots 01 and 02, and five codes). */
static void plover_mapping(void)
{
    static const char *const types[] = { "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE",
                                         "RETREAT", "ACCUSE", "DEMAND", "REJECT", "THREATEN", "PROTEST",
                                         "MOBILIZE", "SANCTION", "COERCE", "ASSAULT" };
    static const char *const unlisted[] = { "155", "176", "1834", "1951", "1952" };
    size_t mapped = 0, unmapped = 0;
    for (size_t i = 0; vg_cameo_at(i); i++) {
        const char *c = vg_cameo_at(i)->code;
        const vg_plover *p = vg_plover_find(c);
        CHECKF(p != NULL, "CAMEO %s has no line in data/cameo/plover.tsv", c);
        if (!p)
            continue;
        int expect_unmapped = !strncmp(c, "01", 2) || !strncmp(c, "02", 2);
        for (size_t k = 0; k < sizeof unlisted / sizeof *unlisted; k++)
            expect_unmapped |= !strcmp(c, unlisted[k]);
        if (!p->event) {
            unmapped++;
            CHECKF(expect_unmapped, "CAMEO %s is unmapped", c);
            continue;
        }
        mapped++;
        CHECKF(!expect_unmapped, "CAMEO %s is mapped (%s) where the table gives nothing", c, p->event);
        int known = 0;
        for (size_t k = 0; k < sizeof types / sizeof *types; k++)
            known |= !strcmp(p->event, types[k]);
        CHECKF(known, "CAMEO %s: %s is not a PLOVER event type", c, p->event);
    }
    CHECK_EQ_INT(mapped + unmapped, vg_cameo_count());
    CHECK(mapped > 250);
    /* the table's own lines, spot-checked */
    const vg_plover *p = vg_plover_find("0871");
    CHECK(p && !strcmp(p->event, "RETREAT") && !strcmp(p->mode, "ceasefire") && !strcmp(p->context, "military"));
    p = vg_plover_find("042");
    CHECK(p && !strcmp(p->event, "CONSULT") && !strcmp(p->mode, "visit") && !p->context);
    p = vg_plover_find("163");
    CHECK(p && !strcmp(p->event, "COERCE") && !strcmp(p->mode, "restrict"));
    p = vg_plover_find("1712");
    CHECK(p && !strcmp(p->event, "ASSAULT"));
    p = vg_plover_find("196");
    CHECK(p && !strcmp(p->event, "ASSAULT") && !strcmp(p->context, "legal;military"));
    CHECK(vg_plover_find("999") == NULL);
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    vg_mem_init(&mem, NULL);
    RUN(french_irregular_verbs);
    RUN(english_verbs);
    RUN(inflection_rules);
    RUN(codebook);
    RUN(plover_mapping);
    RUN(civil_dates);
    RUN(loader_reports_file_and_line);
    return h_report();
}
