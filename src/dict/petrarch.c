/* petrarch.c — `vigie dict import --from petrarch`: PETRARCH / TABARI dictionaries (actors with
** dated codes, agents, verbs with their patterns and synsets, discards) rewritten as a vigie
** dictionary directory (docs/dictionaries.md), with every entry that could not be converted
** reported with its file, line and reason.
**
** What maps onto what:
**   actors    NAME [CODE] with +SYNONYM lines and [CODE <YYMMDD], [CODE >YYMMDD], [CODE D1-D2]
**             lines → actors.txt roles (dated roles first, the undated default last, so that the
**             dated ones win on their days). A three-letter code is a country: its name goes to
**             countries.txt as a `name`, and TABARI's stem matching (ARGENTIN, GONDOR without a
**             trailing `_`, match ARGENTINA, GONDORIAN …) becomes `adj` forms with the usual
**             English endings, since vigie matches whole words.
**   agents    NOUN {PLURALS} [~ROLE] and !MACRO! = A, B substitutions → agents.txt; roles vigie
**             does not know are declared in codes.txt.
**   verbs     --- VERB [CODE] --- blocks: each verb line (VERB {FORMS}, +SYNONYM, A_+VERB,
**             VERB_PARTICLE) gets `{S} verb` with the block's code; each pattern line
**             `- words * words [CODE]` becomes `{S} verb words`, `+` giving {T}; &SYNSETS are
**             expanded (nested ones too); [C1:C2] becomes C1 with back=C2; a pattern of negation
**             words before the verb (NOT *, &NEGATVAUXVRB *) becomes neg=CODE; [---] codes
**             nothing (a longer pattern that cancels a shorter one).
**   discards  +PHRASE (story) and PHRASE (sentence) → <lang>/discards.txt.
** What does not: words before the verb other than negation (SAID * SUMMIT), the source after the
** verb ($), compound actors (%), multiple codes (ELR/GAL), null codes ([---] actors), codes that
** are not CAMEO-shaped ([def], [025?]); each is reported. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dict.h"
#include "unicode.h"

#define MAXW 64      /* words in a pattern, after synset expansion */
#define MAXEXP 256   /* patterns one line may expand to */

typedef struct {
    char *name;      /* &NAME, upper case */
    char **mem;      /* members as written */
    size_t n, cap;
} synset;

typedef struct {
    char code[8], back[8], neg[8];
    char pat[1024];
} outpat;

#define BLOCK_PATTERNS 2048

typedef struct {
    char **v;
    size_t n, cap;
} strlist;

typedef struct {
    FILE *actors, *countries, *agents, *triggers, *codes, *discards;
    vg_morph *morph;  /* English verb forms: a form the lemma already makes needs no verb of its own */
    outpat *blk;      /* the current verb block's patterns (BLOCK_PATTERNS) */
    size_t nblk;
    synset *syn;
    size_t nsyn, capsyn;
    strlist xcodes;  /* event codes declared in codes.txt */
    strlist xroles;  /* and roles */
    const char *file;
    long line;
    FILE *report;
    vg_import_counts *c;
    int failed;      /* out of memory or a write error */
} imp;

/* ---- small helpers ---- */

static void *grow(imp *m, void *p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return p;
    size_t nc = *cap ? *cap * 2 : 16;
    void *q = realloc(p, nc * size);
    if (!q) {
        m->failed = 1;
        return NULL;
    }
    *cap = nc;
    return q;
}

/* Report what could not be converted. Every entry read is counted once, converted or skipped;
** note() reports a part of an entry (one of its codes or names) whose rest was converted. */
static void vnote(imp *m, const char *text, const char *fmt, va_list ap)
{
    if (!m->report)
        return;
    fprintf(m->report, "vigie dict import: %s:%ld: not converted: ", m->file, m->line);
    vfprintf(m->report, fmt, ap);
    fprintf(m->report, ": %.120s\n", text);
}

static void note(imp *m, const char *text, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vnote(m, text, fmt, ap);
    va_end(ap);
}

static void skip(imp *m, const char *text, const char *fmt, ...)
{
    va_list ap;
    m->c->skipped++;
    va_start(ap, fmt);
    vnote(m, text, fmt, ap);
    va_end(ap);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = 0;
    return s;
}

/* A phrase as vigie writes it: `_` joins words (a space here), a trailing `_` (TABARI's "this word
** exactly") goes, lower case (PETRARCH matches upper-cased text; an upper-case word of 2–5 letters
** would be case-sensitive in vigie), a leading "the" goes (vigie skips determiners). Sets *exact
** when the last word had its trailing `_`. */
static void phrase_of(const char *in, char *out, size_t cap, int *exact)
{
    size_t o = 0, n = strlen(in);
    while (n && (in[n - 1] == ' ' || in[n - 1] == '\t'))
        n--;
    int e = n && in[n - 1] == '_';
    for (const char *p = in; p < in + n && o + 5 < cap; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch >= 0x80) { /* a UTF-8 letter or digit is kept whole, a mark after one; else a space */
            size_t len = ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : ch >= 0xC0 ? 2 : 1, k;
            if (p + len <= in + n && !vg_utf8_invalid(p, len)) {
                vg_class cl = vg_class_of(vg_utf8_decode((const unsigned char *)p, len, &k));
                if (cl == VG_CL_LETTER || cl == VG_CL_DIGIT || (cl == VG_CL_MARK && o && out[o - 1] != ' ')) {
                    memcpy(out + o, p, len);
                    o += len;
                    p += len - 1;
                    continue;
                }
            }
            ch = ' ';
        }
        /* only what a name is made of: other punctuation would be tokens, or syntax, of its own */
        if (!isalnum(ch) && ch != '-' && ch != '.' && ch != '\'' && ch != '&')
            ch = ' ';
        if (ch == ' ') {
            if (o && out[o - 1] != ' ')
                out[o++] = ' ';
            continue;
        }
        out[o++] = (char)tolower(ch);
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = 0;
    if (!strncmp(out, "the ", 4))
        memmove(out, out + 4, strlen(out + 4) + 1);
    if (exact)
        *exact = e;
}

/* Will vigie's loader take this phrase (max 12) or pattern (max 32)? Not empty, at most max tokens
** however the punctuation in it is split (a word and each of its marks counted apart), no word longer
** than a key. */
static int fits(const char *ph, size_t max)
{
    size_t words = 0, marks = 0, run = 0;
    for (const char *p = ph; *p; p++) {
        if (*p == ' ') {
            run = 0;
            continue;
        }
        if (!run++)
            words++;
        if (run > 48)
            return 0;
        marks += *p == '-' || *p == '.' || *p == '\'' || *p == '&';
    }
    return words && words + 2 * marks <= max;
}

static int phrase_ok(const char *ph) { return fits(ph, 12); }

static int is_code_char(char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); }

/* An actor code vigie can carry: capitals and digits, in blocks of three. */
static int actor_code_ok(const char *s)
{
    size_t n = strlen(s);
    if (!n || n > 15 || n % 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_code_char(s[i]))
            return 0;
    return 1;
}

/* An event code: 2 to 4 digits or capitals, at least the first two digits (174K). */
static int event_code_ok(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 4 || !isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_code_char(s[i]))
            return 0;
    return 1;
}

/* Declare a code in codes.txt once, unless the codebook knows it. */
static void declare(imp *m, strlist *l, int known, const char *kind, const char *code)
{
    for (size_t i = 0; i < l->n && !known; i++)
        known = !strcmp(l->v[i], code);
    if (known)
        return;
    char **v = grow(m, l->v, &l->cap, l->n, sizeof *v);
    if (!v)
        return;
    l->v = v;
    if (!(v[l->n] = strdup(code))) {
        m->failed = 1;
        return;
    }
    l->n++;
    fprintf(m->codes, "%s\t%s\tnot a CAMEO %s (imported from PETRARCH)\n", kind, code, kind[0] == 'e' ? "code" : kind);
}

static void need_code(imp *m, const char *code)
{
    declare(m, &m->xcodes, vg_cameo_find(code, strlen(code)) != NULL, "event", code);
}

static void need_role(imp *m, const char *role)
{
    declare(m, &m->xroles, vg_role_find(role, strlen(role)) != NULL, "role", role);
}

/* Strip a `#` comment. */
static void uncomment(char *s)
{
    char *h = strchr(s, '#');
    if (h)
        *h = 0;
}

/* Is this line part of an XML comment (<!-- … -->, over one line or several), given whether the
** line before left one open? A one-line declaration such as <!DOCTYPE …> or <! -- … > is one too.
** The three kinds of file write their headers this way. */
static int xml_comment(const char *line, int *open)
{
    while (*line == ' ' || *line == '\t')
        line++;
    int starts = !strncmp(line, "<!", 2);
    if (!*open && !starts)
        return 0;
    *open = !strstr(line, "-->") && !(starts && strchr(line, '>') && !strstr(line, "<!--"));
    return 1;
}

/* ---- actors ---- */

/* TABARI dates: YYMMDD (19YY from 30 on, else 20YY) or YYYYMMDD → YYYY-MM-DD; 0 if malformed. */
static int tabari_date(const char *s, size_t n, char out[11])
{
    int y, mo, d;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    if (n == 6) {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y >= 30 ? 1900 : 2000;
        s += 2;
    } else if (n == 8) {
        y = atoi((char[5]){ s[0], s[1], s[2], s[3], 0 });
        s += 4;
    } else {
        return 0;
    }
    mo = (s[0] - '0') * 10 + (s[1] - '0');
    d = (s[2] - '0') * 10 + (s[3] - '0');
    if (mo < 1 || mo > 12 || d < 1 || d > 31)
        return 0;
    snprintf(out, 11, "%04d-%02d-%02d", y, mo, d);
    return vg_date_valid(out, 10);
}

/* The day before or after a YYYY-MM-DD date. */
static void shift_day(char d[11], int by)
{
    int32_t n = vg_days_from_civil(atoi(d), atoi(d + 5), atoi(d + 8)) + by;
    int y, mo, dd;
    vg_civil_from_days(n, &y, &mo, &dd);
    snprintf(d, 11, "%04d-%02d-%02d", y, mo, dd);
}

typedef struct {
    char names[64][128];
    int exact[64];
    int nnames;
    char roles[1024];    /* dated roles, "CODE FROM..TO, …" */
    char deflt[16];      /* the undated code */
    long line;
    int bad;             /* a code could not be converted: reported already */
} actor_entry;

/* One [ … ] block of an actor: CODE, CODE <D, CODE >D, CODE D1-D2. */
static void actor_code(imp *m, actor_entry *a, char *blk)
{
    char *s = trim(blk), code[64];
    size_t k = 0;
    while (s[k] && s[k] != ' ' && s[k] != '\t' && s[k] != '<' && s[k] != '>' && k < sizeof code - 1)
        k++;
    memcpy(code, s, k);
    code[k] = 0;
    for (char *p = code; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    char *rest = trim(s + k);
    if (!strncmp(code, "---", 3)) {
        note(m, blk, "null actor code (vigie has no actor that codes nothing)");
        a->bad = 1;
        return;
    }
    if (strchr(code, '/')) {
        note(m, blk, "several codes for one phrase");
        a->bad = 1;
        return;
    }
    if (!actor_code_ok(code)) {
        note(m, blk, "\"%s\" is not an actor code (capitals and digits, in blocks of three)", code);
        a->bad = 1;
        return;
    }
    if (!*rest) {
        snprintf(a->deflt, sizeof a->deflt, "%.15s", code);
        return;
    }
    char from[11] = "", to[11] = "";
    int ok;
    if (*rest == '<' || *rest == '>') {
        char *d = trim(rest + 1);
        ok = tabari_date(d, strlen(d), *rest == '<' ? to : from);
        if (ok && *rest == '<')
            shift_day(to, -1);
    } else {
        char *dash = strchr(rest, '-');
        size_t n1 = dash ? (size_t)(dash - rest) : 0;
        while (n1 && (rest[n1 - 1] == ' ' || rest[n1 - 1] == '\t'))
            n1--;
        char *d2 = dash ? trim(dash + 1) : NULL;
        ok = dash && tabari_date(rest, n1, from) && tabari_date(d2, strlen(d2), to);
        if (ok && strcmp(from, to) > 0)
            ok = 0;
    }
    if (!ok) {
        note(m, blk, "bad date restriction");
        a->bad = 1;
        return;
    }
    size_t n = strlen(a->roles);
    snprintf(a->roles + n, sizeof a->roles - n, "%s%s %s..%s", n ? ", " : "", code, from, to);
}

static const char *const stem_ends[] = { "s", "n", "ns", "a", "an", "ans", "e", "es", "i", "is", "ia", "ian", "ians", "ese", "ish" };

static void write_actor(imp *m, actor_entry *a)
{
    if (!a->line)
        return; /* no entry started */
    m->c->read++;
    if (!a->nnames || (!a->deflt[0] && !a->roles[0])) {
        long l = m->line;
        m->line = a->line;
        if (a->bad || !a->nnames)
            m->c->skipped++; /* its codes or names were reported */
        else
            skip(m, a->names[0], "no code");
        m->line = l;
        a->nnames = 0;
        return;
    }
    int country = !a->roles[0] && strlen(a->deflt) == 3;
    for (int i = 0; i < a->nnames; i++) {
        if (country) { /* a country (or a Tolkien realm) is a country: its agents compose with it */
            fprintf(m->countries, "%s\tname\t%s\n", a->deflt, a->names[i]);
            if (!a->exact[i]) {
                fprintf(m->countries, "%s\tadj", a->deflt);
                for (size_t k = 0; k < sizeof stem_ends / sizeof *stem_ends; k++)
                    fprintf(m->countries, "%s%s%s", k ? " | " : "\t", a->names[i], stem_ends[k]);
                fputc('\n', m->countries);
            }
            continue;
        }
        fprintf(m->actors, "%s", a->names[i]);
        if (!a->exact[i] && !strchr(a->names[i], ' ') && strlen(a->names[i]) > 3)
            for (size_t k = 0; k < sizeof stem_ends / sizeof *stem_ends; k++)
                fprintf(m->actors, " | %s%s", a->names[i], stem_ends[k]);
        fprintf(m->actors, "\t%s%s%s\n", a->roles, a->roles[0] && a->deflt[0] ? ", " : "", a->deflt);
    }
    m->c->converted++;
    a->nnames = 0;
}

static void actors_file(imp *m, FILE *fp)
{
    static actor_entry a;
    char buf[4096];
    memset(&a, 0, sizeof a);
    int in_xml = 0;
    while (fgets(buf, sizeof buf, fp)) {
        m->line++;
        if (xml_comment(buf, &in_xml))
            continue;
        uncomment(buf);
        char *s = trim(buf);
        if (!*s)
            continue;
        if (*s == '[') { /* a code line of the current entry */
            if (!a.nnames)
                continue;
            for (char *p = s; (p = strchr(p, '['));) {
                char *q = strchr(p, ']');
                if (!q)
                    break;
                *q = 0;
                actor_code(m, &a, p + 1);
                p = q + 1;
            }
            continue;
        }
        int syn = *s == '+';
        if (!syn) {
            write_actor(m, &a);
            memset(&a, 0, sizeof a);
            a.line = m->line;
        } else {
            s++;
        }
        char *br = strchr(s, '[');
        if (br)
            *br = 0;
        if (a.nnames < 64) {
            phrase_of(s, a.names[a.nnames], sizeof a.names[0], &a.exact[a.nnames]);
            if (phrase_ok(a.names[a.nnames]))
                a.nnames++;
            else if (a.names[a.nnames][0])
                note(m, s, "a name of more than 12 words, or a word too long");
        }
        for (char *p = br ? br : NULL; p;) {
            char *q = strchr(p + 1, ']');
            if (!q)
                break;
            *q = 0;
            actor_code(m, &a, p + 1);
            p = strchr(q + 1, '[');
        }
    }
    write_actor(m, &a);
}

/* ---- agents ---- */

typedef struct {
    char name[32];
    char alt[16][64];
    int n;
} macro;

/* Expand !MACRO! in s (once) into out[], or copy s. */
static int expand_macros(const macro *mac, int nmac, const char *s, char out[][192], int max)
{
    const char *a = strchr(s, '!'), *b = a ? strchr(a + 1, '!') : NULL;
    if (!a || !b) {
        snprintf(out[0], 192, "%s", s);
        return 1;
    }
    for (int i = 0; i < nmac; i++) {
        if (strlen(mac[i].name) != (size_t)(b - a - 1) || strncmp(mac[i].name, a + 1, (size_t)(b - a - 1)))
            continue;
        int n = 0;
        for (int k = 0; k < mac[i].n && n < max; k++, n++)
            snprintf(out[n], 192, "%.*s%s%s", (int)(a - s), s, mac[i].alt[k], b + 1);
        return n;
    }
    snprintf(out[0], 192, "%s", s);
    return 1;
}

static void agents_file(imp *m, FILE *fp)
{
    static macro mac[32];
    int nmac = 0, in_xml = 0;
    char buf[4096];
    while (fgets(buf, sizeof buf, fp)) {
        m->line++;
        if (xml_comment(buf, &in_xml))
            continue;
        uncomment(buf);
        char *s = trim(buf);
        if (!*s)
            continue;
        if (*s == '!') { /* !PERSON! = MAN, MEN, WOMAN … */
            char *eq = strchr(s, '=');
            char *b = strchr(s + 1, '!');
            if (!eq || !b || b > eq || nmac == 32 || (size_t)(b - s - 1) >= sizeof mac[0].name) {
                m->c->read++;
                skip(m, s, "malformed substitution");
                continue;
            }
            macro *x = &mac[nmac++];
            snprintf(x->name, sizeof x->name, "%.*s", (int)(b - s - 1), s + 1);
            x->n = 0;
            for (char *t = strtok(eq + 1, ","); t && x->n < 16; t = strtok(NULL, ","))
                snprintf(x->alt[x->n++], 64, "%s", trim(t));
            continue;
        }
        m->c->read++;
        char *br = strchr(s, '['), *rb = br ? strchr(br, ']') : NULL;
        if (!br || !rb) {
            skip(m, s, "no [~CODE]");
            continue;
        }
        *rb = 0;
        char *code = trim(br + 1);
        *br = 0;
        if (*code != '~') {
            skip(m, code, "an agent code before the country (CODE~) is not supported: vigie appends roles");
            continue;
        }
        code = trim(code + 1);
        for (char *p = code; *p; p++)
            *p = (char)toupper((unsigned char)*p);
        if (!actor_code_ok(code)) {
            skip(m, code, "not a role code");
            continue;
        }
        char role[4];
        memcpy(role, code, 3);
        role[3] = 0;
        need_role(m, role);
        /* plurals written out: {A B} */
        char plur[1024] = "";
        char *ob = strchr(s, '{'), *cb = ob ? strchr(ob, '}') : NULL;
        if (ob && cb) {
            *cb = 0;
            snprintf(plur, sizeof plur, "%s", ob + 1);
            *ob = 0;
        }
        static char forms[64][192];
        int nf = expand_macros(mac, nmac, trim(s), forms, 32);
        for (char *t = strtok(plur, " \t"); t && nf < 64; t = strtok(NULL, " \t"))
            nf += expand_macros(mac, nmac, t, forms + nf, 64 - nf);
        char line[4096] = "";
        for (int i = 0; i < nf; i++) {
            char ph[192];
            phrase_of(forms[i], ph, sizeof ph, NULL);
            size_t n = strlen(line);
            if (phrase_ok(ph) && n + strlen(ph) + 4 < sizeof line)
                snprintf(line + n, sizeof line - n, "%s%s", n ? " | " : "", ph);
        }
        if (!line[0]) {
            skip(m, s, "no noun vigie can read (empty, more than 12 words, or a word too long)");
            continue;
        }
        fprintf(m->agents, "%s\t%s\n", role, line);
        if (strlen(code) > 3)
            note(m, code, "kept the first role (%s): a vigie agent gives one role", role);
        m->c->converted++;
    }
}

/* ---- verbs ---- */

static synset *find_syn(imp *m, const char *name, size_t n)
{
    for (size_t i = 0; i < m->nsyn; i++)
        if (strlen(m->syn[i].name) == n && !strncmp(m->syn[i].name, name, n))
            return &m->syn[i];
    return NULL;
}

/* Pass 1: every synset of the file (they may be defined after the patterns that use them). */
static void read_synsets(imp *m, FILE *fp)
{
    char buf[4096];
    synset *cur = NULL;
    while (fgets(buf, sizeof buf, fp)) {
        uncomment(buf);
        char *s = trim(buf);
        if (*s == '&') {
            size_t n = strcspn(s, " \t");
            s[n] = 0;
            synset *v = grow(m, m->syn, &m->capsyn, m->nsyn, sizeof *v);
            if (!v)
                return;
            m->syn = v;
            cur = &m->syn[m->nsyn++];
            memset(cur, 0, sizeof *cur);
            if (!(cur->name = strdup(s + 1)))
                m->failed = 1;
            continue;
        }
        if (cur && *s == '+') {
            char **v = grow(m, cur->mem, &cur->cap, cur->n, sizeof *v);
            if (!v)
                return;
            cur->mem = v;
            if (!(v[cur->n++] = strdup(trim(s + 1))))
                m->failed = 1;
            continue;
        }
        cur = NULL;
    }
}

/* Expand the synsets of a pattern (words separated by spaces; `_` already spaces) into every
** combination, depth-first; nested synsets are expanded in turn. */
static int expand_syn(imp *m, const char *pat, char out[][512], int n, int max, int depth)
{
    const char *amp = strchr(pat, '&');
    if (!amp) {
        if (n < max)
            snprintf(out[n++], 512, "%s", pat);
        return n;
    }
    size_t len = strcspn(amp + 1, " ");
    synset *sy = find_syn(m, amp + 1, len);
    if (!sy || depth > 4)
        return -1;
    for (size_t i = 0; i < sy->n && n >= 0 && n < max; i++) {
        char next[512], mem[256];
        snprintf(mem, sizeof mem, "%s", sy->mem[i]);
        for (char *p = mem; *p; p++)
            if (*p == '_')
                *p = ' ';
        snprintf(next, sizeof next, "%.*s%s%s", (int)(amp - pat), pat, trim(mem), amp + 1 + len);
        n = expand_syn(m, next, out, n, max, depth + 1);
    }
    return n;
}

typedef struct {
    char lemma[64];     /* the verb */
    char pre[64];       /* words of a multi-word verb before it (KLM_NOP_+RST) */
    char post[128];     /* particles after it (BREAK_DOWN) */
    char code[8];       /* its own code, or the block's */
    char back[8];       /* the block's or its own paired code (ARRIVE [032:033]) */
} verb_t;

static int neg_word(const char *w)
{
    static const char *const negs[] = { "not", "n't", "never", "no", "neither", "did", "does", "do", "will", "wo",
                                        "ca", "can", "could", "would", "really", "has", "have", "had", "cannot" };
    for (size_t i = 0; i < sizeof negs / sizeof *negs; i++)
        if (!strcmp(w, negs[i]))
            return 1;
    return 0;
}

/* Codes: [C], [C1:C2]. Returns 0 (reported) when unusable; "---" in code for no event. */
static int pattern_code(imp *m, const char *blk, char code[8], char back[8], const char *text)
{
    char c[32];
    snprintf(c, sizeof c, "%s", blk);
    char *s = trim(c), *colon = strchr(s, ':');
    back[0] = 0;
    if (colon) {
        *colon = 0;
        char *b = trim(colon + 1);
        if (!event_code_ok(b)) {
            skip(m, text, "\"%s\" is not an event code", b);
            return 0;
        }
        snprintf(back, 8, "%s", b);
        need_code(m, back);
    }
    s = trim(s);
    if (!strcmp(s, "---")) {
        snprintf(code, 8, "---");
        return 1;
    }
    if (!event_code_ok(s)) {
        skip(m, text, "\"%s\" is not an event code", s);
        return 0;
    }
    snprintf(code, 8, "%s", s);
    need_code(m, code);
    return 1;
}

/* A block's patterns are held until it ends, so that a negated pattern (NOT * [112]) joins the
** plain one of the same words as its neg=CODE: two lines would tie, and the first would win. */


static void flush_block(imp *m)
{
    for (size_t i = 0; i < m->nblk; i++) {
        const outpat *o = &m->blk[i];
        fprintf(m->triggers, "%s\t%s", o->code, o->pat);
        if (o->back[0] || o->neg[0])
            fprintf(m->triggers, "\t%s%s%s%s%s", o->neg[0] ? "neg=" : "", o->neg, o->neg[0] && o->back[0] ? " " : "",
                    o->back[0] ? "back=" : "", o->back);
        fputc('\n', m->triggers);
    }
    m->nblk = 0;
}


/* Returns 0 when the pattern cannot be written (the caller reports its line). */
static int write_pattern(imp *m, const char *code, const char *back, const char *neg, const char *pat)
{
    if (!fits(pat, 32))
        return 0;
    for (size_t i = 0; neg && *neg && i < m->nblk; i++)
        if (!strcmp(m->blk[i].pat, pat) && !strcmp(m->blk[i].code, code) && !m->blk[i].neg[0]) {
            snprintf(m->blk[i].neg, sizeof m->blk[i].neg, "%s", neg);
            return 1;
        }
    if (m->nblk == BLOCK_PATTERNS)
        flush_block(m); /* a huge block: its negated patterns may no longer find their twin */
    outpat *o = &m->blk[m->nblk++];
    snprintf(o->code, sizeof o->code, "%s", code);
    snprintf(o->back, sizeof o->back, "%s", back ? back : "");
    snprintf(o->neg, sizeof o->neg, "%s", neg ? neg : "");
    snprintf(o->pat, sizeof o->pat, "%s", pat);
    return 1;
}


/* A pattern line of a block: "- PRE * POST [CODE]". */
static void verb_pattern(imp *m, const verb_t *verbs, int nverbs, char *line, const char *full)
{
    m->c->read++;
    char *br = strrchr(line, '['), *rb = br ? strchr(br, ']') : NULL;
    if (!br || !rb) {
        skip(m, full, "no [CODE]");
        return;
    }
    *rb = 0;
    char code[8], back[8];
    if (!pattern_code(m, br + 1, code, back, full))
        return;
    *br = 0;
    /* `_` connects words (vigie allows a few words between pattern elements anyway); `*` may be
    ** glued to a word (IN_*, *_OUT) */
    char words[512];
    size_t o = 0;
    for (char *p = line; *p && o + 3 < sizeof words; p++) {
        if (*p == '_')
            words[o++] = ' ';
        else if (*p == '*' || *p == '$' || *p == '%' || *p == '^') {
            words[o++] = ' ';
            words[o++] = *p;
            words[o++] = ' ';
        } else if (*p == '+' && (p == line || p[-1] == ' ' || p[-1] == '_' || p[-1] == '\t')) {
            words[o++] = ' ';
            words[o++] = '+';
            words[o++] = ' ';
        } else
            words[o++] = *p;
    }
    words[o] = 0;
    static char exp[MAXEXP][512];
    int ne = expand_syn(m, words, exp, 0, MAXEXP, 0);
    if (ne < 0) {
        skip(m, full, "unknown synset");
        return;
    }
    if (ne == MAXEXP) {
        skip(m, full, "expands to more than %d patterns", MAXEXP);
        return;
    }
    int done = 0, rejected = 0;
    for (int e = 0; e < ne; e++) {
        char *tok[MAXW];
        int nt = 0, star = -1, neg_only = 1;
        char *save = NULL;
        for (char *t = strtok_r(exp[e], " \t", &save); t && nt < MAXW; t = strtok_r(NULL, " \t", &save))
            tok[nt++] = t;
        if (nt && !strcmp(tok[0], "$")) { /* the source before the verb is its subject: vigie's {S} */
            memmove(tok, tok + 1, (size_t)--nt * sizeof *tok);
        }
        for (int i = 0; i < nt; i++)
            if (!strcmp(tok[i], "*"))
                star = star < 0 ? i : -2;
        if (star < 0) {
            if (!done++)
                skip(m, full, star == -1 ? "no verb position (*)" : "two verb positions (*)");
            return;
        }
        int has_pre = star > 0;
        for (int i = 0; i < star; i++) {
            char w[64];
            phrase_of(tok[i], w, sizeof w, NULL);
            if (!neg_word(w))
                neg_only = 0;
        }
        int has_not = 0;
        for (int i = 0; i < star; i++)
            has_not |= !strcasecmp(tok[i], "NOT") || !strcasecmp(tok[i], "N'T") || !strcasecmp(tok[i], "NEVER") ||
                       !strcasecmp(tok[i], "NO") || !strcasecmp(tok[i], "NEITHER");
        char pre[256] = ""; /* words before the verb: `{S} pre words =verb` */
        for (int i = 0; i < star && !(neg_only && has_not); i++) {
            size_t n = strlen(pre);
            if (!strcmp(tok[i], "$") || !strcmp(tok[i], "+") || !strcmp(tok[i], "%")) {
                if (!done++)
                    skip(m, full, "an actor before the verb other than the subject is not supported");
                return;
            }
            if (!strcmp(tok[i], "^"))
                continue;
            char w[128];
            phrase_of(tok[i], w, sizeof w, NULL);
            if (w[0])
                snprintf(pre + n, sizeof pre - n, "%s ", w);
        }
        char post[512] = "";
        int bad = 0, tgt = 0;
        for (int i = star + 1; i < nt && !bad; i++) {
            size_t n = strlen(post);
            if (!strcmp(tok[i], "+")) {
                if (tgt++)
                    bad = 1;
                snprintf(post + n, sizeof post - n, " {T}");
            } else if (!strcmp(tok[i], "$") || !strcmp(tok[i], "%")) {
                bad = 2;
            } else if (!strcmp(tok[i], "^")) {
                continue; /* skip a word: vigie allows a few between elements */
            } else {
                char w[128];
                phrase_of(tok[i], w, sizeof w, NULL);
                if (w[0])
                    snprintf(post + n, sizeof post - n, " %s", w);
            }
        }
        if (bad) {
            if (!done++)
                skip(m, full, bad == 2 ? "source ($) or compound (%%) after the verb is not supported"
                                        : "two targets");
            return;
        }
        for (int v = 0; v < nverbs; v++) {
            char pat[1024];
            int eq = pre[0] || verbs[v].pre[0];
            snprintf(pat, sizeof pat, "{S} %.250s%.60s%s%s%.60s%s%.120s%.500s", pre, verbs[v].pre, verbs[v].pre[0] ? " " : "",
                     eq ? "=" : "", verbs[v].lemma, verbs[v].post[0] ? " " : "", verbs[v].post, post);
            if (has_pre && !pre[0]) { /* NOT *: the negated verb codes this; the plain one its usual code */
                const char *base = !strcmp(verbs[v].code, "---") ? "" : verbs[v].code;
                if (!*base || !strcmp(code, "---")) {
                    if (!done++)
                        skip(m, full, "a negated pattern of a verb that codes nothing");
                    return;
                }
                rejected |= !write_pattern(m, base, NULL, code, pat);
            } else {
                rejected |= !write_pattern(m, code, back, NULL, pat);
            }
        }
    }
    if (rejected)
        skip(m, full, "a pattern of more than 32 elements, or a word too long");
    else
        m->c->converted++;
}

/* A verb line of a block: VERB {FORMS} [CODE], +VERB, A_+VERB, VERB_PARTICLE. */
static int verb_line(imp *m, char *s, const char *blkcode, const char *blkback, verb_t *v, char forms[][64],
                     int *nforms)
{
    m->c->read++;
    char full[512];
    snprintf(full, sizeof full, "%s", s);
    memset(v, 0, sizeof *v);
    snprintf(v->code, sizeof v->code, "%s", blkcode);
    snprintf(v->back, sizeof v->back, "%s", blkback);
    char *br = strchr(s, '[');
    if (br) {
        char *rb = strchr(br, ']');
        if (rb)
            *rb = 0;
        if (!pattern_code(m, br + 1, v->code, v->back, full))
            return 0;
        *br = 0;
    }
    *nforms = 0;
    char *ob = strchr(s, '{');
    if (ob) {
        char *cb = strchr(ob, '}');
        if (cb)
            *cb = 0;
        for (char *t = strtok(ob + 1, " \t"); t && *nforms < 16; t = strtok(NULL, " \t")) {
            char w[64];
            phrase_of(*t == '+' ? t + 1 : t, w, sizeof w, NULL);
            if (w[0] && !strchr(w, ' ') && !strchr(w, '+'))
                snprintf(forms[(*nforms)++], 64, "%s", w);
        }
        *ob = 0;
    }
    s = trim(s);
    char *plus = strchr(s, '+');
    char head[256];
    snprintf(head, sizeof head, "%s", plus ? plus + 1 : s);
    if (plus && plus > s) { /* KLM_NOP_+RST: words before the verb */
        *plus = 0;
        phrase_of(s, v->pre, sizeof v->pre, NULL);
    }
    char *us = strpbrk(head, "_ ");
    if (us) { /* BREAK_DOWN: the verb, then its particle */
        phrase_of(us + 1, v->post, sizeof v->post, NULL);
        *us = 0;
    }
    phrase_of(head, v->lemma, sizeof v->lemma, NULL);
    int word = v->lemma[0] != 0 && ((unsigned char)v->lemma[0] >= 0x80 || isalnum((unsigned char)v->lemma[0]));
    for (const char *p = v->lemma; *p; p++) /* letters and digits only (phrase_of kept no other) */
        word &= (unsigned char)*p >= 0x80 || isalnum((unsigned char)*p);
    if (!word || !phrase_ok(v->pre) != !v->pre[0] || !phrase_ok(v->post) != !v->post[0]) {
        skip(m, full, "the verb is not one word, or its words are too many");
        return 0;
    }
    m->c->converted++;
    return 1;
}

typedef struct {
    const char *want;
    int found;
} form_probe;

static void on_form(void *ctx, const char *form, unsigned feats)
{
    form_probe *p = ctx;
    (void)feats;
    p->found |= !strcmp(form, p->want);
}

static void verbs_file(imp *m, FILE *fp)
{
    read_synsets(m, fp);
    rewind(fp);
    m->line = 0;
    char buf[4096], blkcode[8] = "---", blkback[8] = "";
    static verb_t verbs[64];
    static char forms[16][64];
    int nverbs = 0, in_block = 0, in_syn = 0, in_xml = 0;
    while (fgets(buf, sizeof buf, fp)) {
        m->line++;
        if (xml_comment(buf, &in_xml))
            continue;
        char full[4096];
        snprintf(full, sizeof full, "%s", trim(buf));
        uncomment(buf);
        char *s = trim(buf);
        if (!*s) {
            in_syn = 0;
            continue;
        }
        if (*s == '&') {
            in_syn = 1;
            continue;
        }
        if (in_syn && *s == '+')
            continue;
        in_syn = 0;
        if (!strncmp(s, "---", 3)) { /* --- VERB [CODE] --- */
            flush_block(m);
            char *br = strchr(s, '['), *rb = br ? strchr(br, ']') : NULL;
            nverbs = 0;
            in_block = 1;
            snprintf(blkcode, sizeof blkcode, "---");
            blkback[0] = 0;
            if (br && rb) {
                *rb = 0;
                m->c->read++;
                if (pattern_code(m, br + 1, blkcode, blkback, full))
                    m->c->converted++;
                else
                    snprintf(blkcode, sizeof blkcode, "---");
            }
            continue;
        }
        if (!in_block)
            continue;
        if (*s == '-') {
            verb_pattern(m, verbs, nverbs, s + 1, full);
            continue;
        }
        if (nverbs == 64)
            continue;
        int nf = 0;
        verb_t *v = &verbs[nverbs];
        if (!verb_line(m, s, blkcode, blkback, v, forms, &nf))
            continue;
        nverbs++;
        char pat[512];
        snprintf(pat, sizeof pat, "{S} %s%s%s%s%s", v->pre, v->pre[0] ? " =" : "", v->lemma, v->post[0] ? " " : "", v->post);
        if (strcmp(v->code, "---"))
            (void)write_pattern(m, v->code, v->back, NULL, pat); /* bounded by verb_line's checks */
        /* irregular forms the verb's own inflection does not make: each a verb of its own, with the
        ** same patterns (read as lemmas, they match themselves) */
        for (int k = 0; k < nf && nverbs < 64; k++) {
            form_probe pr = { forms[k], 0 };
            if (m->morph)
                vg_morph_forms(m->morph, v->lemma, on_form, &pr);
            if (!strcmp(forms[k], v->lemma) || pr.found)
                continue;
            verb_t *w = &verbs[nverbs++];
            *w = *v;
            snprintf(w->lemma, sizeof w->lemma, "%s", forms[k]);
            snprintf(pat, sizeof pat, "{S} %s%s%s%s%s", w->pre, w->pre[0] ? " =" : "", w->lemma, w->post[0] ? " " : "", w->post);
            if (strcmp(w->code, "---"))
                (void)write_pattern(m, w->code, w->back, NULL, pat);
        }
    }
    flush_block(m);
}

/* ---- discards ---- */

static void discards_file(imp *m, FILE *fp)
{
    char buf[4096];
    while (fgets(buf, sizeof buf, fp)) {
        m->line++;
        uncomment(buf);
        char *s = trim(buf);
        if (!*s || *s == '<')
            continue;
        m->c->read++;
        int story = *s == '+';
        char ph[512];
        phrase_of(story ? s + 1 : s, ph, sizeof ph, NULL);
        if (!phrase_ok(ph)) {
            skip(m, s, "empty, more than 12 words, or a word too long");
            continue;
        }
        fprintf(m->discards, "%s\t%s\n", story ? "story" : "sentence", ph);
        m->c->converted++;
    }
}

/* ---- files ---- */

typedef enum { F_ACTORS, F_AGENTS, F_VERBS, F_DISCARDS } fkind;

/* What a dictionary file is: by its name (PETRARCH's own: *.actors.txt, *.verbs.txt …), else by
** its content. */
static fkind kind_of(const char *path, FILE *fp)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    static const struct { const char *w; fkind k; } names[] = {
        { "verb", F_VERBS }, { "agent", F_AGENTS }, { "discard", F_DISCARDS }, { "actor", F_ACTORS },
    };
    char low[256];
    phrase_of(base, low, sizeof low, NULL);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strstr(low, names[i].w))
            return names[i].k;
    char buf[4096];
    int brackets = 0, tilde = 0, blocks = 0;
    while (fgets(buf, sizeof buf, fp)) {
        blocks += !strncmp(buf, "--- ", 4);
        tilde += strstr(buf, "[~") != NULL;
        brackets += strchr(buf, '[') != NULL;
    }
    rewind(fp);
    return blocks ? F_VERBS : tilde ? F_AGENTS : brackets ? F_ACTORS : F_DISCARDS;
}

static FILE *out_file(const char *dir, const char *name, const char *head, char *err, size_t errcap)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    if (!fp)
        snprintf(err, errcap, "%s: cannot write: %s", path, strerror(errno));
    else
        fprintf(fp, "# %s — written by `vigie dict import --from petrarch`; docs/dictionaries.md.\n", head);
    return fp;
}

vg_status vg_import_petrarch(char **files, int nfiles, const char *outdir, FILE *report, vg_import_counts *c,
                             char *err, size_t errcap)
{
    imp m;
    memset(&m, 0, sizeof m);
    memset(c, 0, sizeof *c);
    m.report = report;
    m.c = c;
    if (!(m.blk = malloc(BLOCK_PATTERNS * sizeof *m.blk))) {
        snprintf(err, errcap, "out of memory");
        return VG_ENOMEM;
    }
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    char merr[256];
    if (vg_morph_open(&mem, "en", &m.morph, merr, sizeof merr) != VG_OK)
        m.morph = NULL; /* then every listed form gets its verb: more lines, the same matches */
    char path[4096];
    snprintf(path, sizeof path, "%s/en", outdir);
    mkdir(outdir, 0777);
    mkdir(path, 0777);
    snprintf(path, sizeof path, "%s/fr", outdir);
    mkdir(path, 0777);
    vg_status rc = VG_OK;
    FILE *fr[4] = { NULL };
    if (!(m.codes = out_file(outdir, "codes.txt", "codes beyond CAMEO's", err, errcap)) ||
        !(m.actors = out_file(outdir, "actors.txt", "actors", err, errcap)) ||
        !(m.countries = out_file(outdir, "en/countries.txt", "countries", err, errcap)) ||
        !(m.agents = out_file(outdir, "en/agents.txt", "agents", err, errcap)) ||
        !(m.triggers = out_file(outdir, "en/triggers.txt", "event patterns", err, errcap)) ||
        !(m.discards = out_file(outdir, "en/discards.txt", "discards", err, errcap)) ||
        !(fr[0] = out_file(outdir, "fr/countries.txt", "none: PETRARCH dictionaries are English", err, errcap)) ||
        !(fr[1] = out_file(outdir, "fr/agents.txt", "none: PETRARCH dictionaries are English", err, errcap)) ||
        !(fr[2] = out_file(outdir, "fr/triggers.txt", "none: PETRARCH dictionaries are English", err, errcap)) ||
        !(fr[3] = out_file(outdir, "fr/discards.txt", "none: PETRARCH dictionaries are English", err, errcap))) {
        rc = VG_EIO;
        goto done;
    }
    FILE *op = out_file(outdir, "options.txt", "PETRARCH's coding conventions", err, errcap);
    if (!op) {
        rc = VG_EIO;
        goto done;
    }
    fputs("intent\tverb\nplace-target\tyes\n", op);
    if (ferror(op) | fclose(op)) {
        snprintf(err, errcap, "%s/options.txt: write error", outdir);
        rc = VG_EIO;
        goto done;
    }
    for (int i = 0; i < nfiles && rc == VG_OK; i++) {
        FILE *fp = fopen(files[i], "rb");
        if (!fp) {
            snprintf(err, errcap, "%s: cannot open: %s", files[i], strerror(errno));
            rc = VG_EIO;
            break;
        }
        m.file = files[i];
        m.line = 0;
        switch (kind_of(files[i], fp)) {
        case F_ACTORS: actors_file(&m, fp); break;
        case F_AGENTS: agents_file(&m, fp); break;
        case F_VERBS: verbs_file(&m, fp); break;
        case F_DISCARDS: discards_file(&m, fp); break;
        }
        fclose(fp);
        if (m.failed) {
            rc = VG_ENOMEM;
            snprintf(err, errcap, "out of memory");
        }
    }
done:;
    FILE *all[] = { m.codes, m.actors, m.countries, m.agents, m.triggers, m.discards, fr[0], fr[1], fr[2], fr[3] };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (all[i] && (ferror(all[i]) | fclose(all[i])) && rc == VG_OK) {
            snprintf(err, errcap, "%s: write error", outdir);
            rc = VG_EIO;
        }
    for (size_t i = 0; i < m.nsyn; i++) {
        for (size_t k = 0; k < m.syn[i].n; k++)
            free(m.syn[i].mem[k]);
        free(m.syn[i].mem);
        free(m.syn[i].name);
    }
    free(m.syn);
    strlist *lists[] = { &m.xcodes, &m.xroles };
    for (size_t k = 0; k < 2; k++) {
        for (size_t i = 0; i < lists[k]->n; i++)
            free(lists[k]->v[i]);
        free(lists[k]->v);
    }
    vg_morph_close(m.morph);
    free(m.blk);
    return rc;
}
