/* cmd_syntax.c — `vigie syntax`: what the clause layer (src/syntax/) finds in a text, one verb group
** a line; with --ud, its subjects and objects scored against Universal Dependencies treebanks
** (src/eval/ud.c), as `make eval` writes them into docs/ACCURACY.md. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "engine.h"
#include "eval.h"
#include "syntax.h"

static const char usage[] =
    "Usage: vigie syntax [options] [FILE|-]\n"
    "       vigie syntax --ud [options] TREEBANK.conllu...\n"
    "Show the clause layer's analysis of a text (the whole input is one document): for each sentence\n"
    "its tokens with their tags and chunks, then one line a verb group:\n"
    "  verb WORD <TAB> clause KIND <TAB> subj WORD (how) <TAB> obj WORD <TAB> pred WORD <TAB> obl PREP WORD…\n"
    "With --ud, score the subjects (nsubj, nsubj:pass) and objects (obj) found for each verb against\n"
    "the treebanks' (the sentence texts run through vigie's tokenizer, aligned by byte offsets).\n\n"
    "      --ud           score CoNLL-U treebanks (the language from --lang or the file name: fr_*, en_*)\n"
    "      --json         with --ud: one JSON object per treebank\n"
    "  -e, --errors       with --ud: list every false (FP) and missed (FN) triple with its sentence\n"
    "  -l, --lang LANG    fr or en (default: identified)\n"
    "  -D, --data DIR     language data directory\n"
    "      --dict DIR     dictionary directory\n"
    "  -h, --help         this help\n"
    "\nExit status: 0 done, 2 usage error, 3 could not run (data, input).\n";

static void on_error(void *ctx, const char *text, size_t n, const char *what, const char *rel, const char *head,
                     const char *dep)
{
    (void)ctx;
    printf("%s\t%s\t%s -> %s\t%.*s\n", what, rel, head, dep, (int)n, text);
}

static void prf_json(FILE *f, const char *name, const vg_counts3 *c)
{
    double p, r, f1;
    vg_prf(c, &p, &r, &f1);
    fprintf(f, "\"%s\": {\"p\": %.4f, \"r\": %.4f, \"f1\": %.4f, \"tp\": %llu, \"fp\": %llu, \"fn\": %llu}", name, p,
            r, f1, (unsigned long long)c->tp, (unsigned long long)c->fp, (unsigned long long)c->fn);
}

static int ud(const vg_engine *e, vg_lang lang, char **files, int nfiles, int json, int errors)
{
    if (!json && !errors)
        printf("%-28s %-4s %6s %7s  %-10s %6s %6s %6s\n", "treebank", "lang", "sents", "verbs", "relation", "P", "R",
               "F1");
    for (int i = 0; i < nfiles; i++) {
        const char *base = strrchr(files[i], '/') ? strrchr(files[i], '/') + 1 : files[i];
        vg_lang l = lang ? lang : !strncmp(base, "fr", 2) ? VG_LANG_FR : !strncmp(base, "en", 2) ? VG_LANG_EN : 0;
        if (!l) {
            fprintf(stderr, "vigie syntax: %s: language unknown (use --lang)\n", files[i]);
            return EXIT_USAGE;
        }
        size_t n;
        char *b = vg_read_file(files[i], &n);
        if (!b) {
            fprintf(stderr, "vigie syntax: %s: cannot read\n", files[i]);
            return EXIT_FAILED;
        }
        vg_ud_scores sc;
        vg_status rc = vg_ud_score(e, l, b, n, &sc, errors ? on_error : NULL, NULL);
        free(b);
        if (rc != VG_OK) {
            fprintf(stderr, "vigie syntax: %s: %s\n", files[i], vg_strerror(rc));
            return EXIT_FAILED;
        }
        const char *ln = l == VG_LANG_FR ? "fr" : "en";
        if (json) {
            printf("{\"file\": \"%s\", \"lang\": \"%s\", \"sentences\": %llu, \"unaligned\": %llu, \"verbs\": %llu, ",
                   base, ln, (unsigned long long)sc.sentences, (unsigned long long)sc.unaligned,
                   (unsigned long long)sc.verbs);
            prf_json(stdout, "subj", &sc.subj);
            fputs(", ", stdout);
            prf_json(stdout, "obj", &sc.obj);
            fputs("}\n", stdout);
        } else if (!errors) {
            const vg_counts3 *cs[2] = { &sc.subj, &sc.obj };
            for (int k = 0; k < 2; k++) {
                double p, r, f1;
                vg_prf(cs[k], &p, &r, &f1);
                printf("%-28s %-4s %6llu %7llu  %-10s %6.3f %6.3f %6.3f\n", base, ln, (unsigned long long)sc.sentences,
                       (unsigned long long)sc.verbs, k ? "obj" : "nsubj", p, r, f1);
            }
        }
    }
    return EXIT_ALL_OK;
}

static void word(const char *text, const vg_token *t, int32_t i)
{
    if (i < 0)
        fputs("-", stdout);
    else
        printf("%.*s", (int)(t[i].end - t[i].start), text + t[i].start);
}

static int show(const vg_engine *e, vg_doc *d, vg_syntax *s, const char *text, size_t n, vg_lang lang)
{
    vg_docinfo info = { NULL, lang, NULL };
    if (vg_doc_analyze(d, text, n, &info) != VG_OK)
        return EXIT_FAILED;
    const vg_syngram *g = vg_engine_syngram(e, vg_doc_lang(d));
    if (!g) {
        fprintf(stderr, "vigie syntax: no clause grammar for this language\n");
        return EXIT_FAILED;
    }
    for (size_t si = 0; si < vg_doc_nsentences(d); si++) {
        const vg_sentence *sn = vg_doc_sentence(d, si);
        const vg_token *t = vg_doc_token(d, sn->tok);
        if (vg_syntax_parse(s, g, text, t, sn->ntok) != VG_OK)
            return EXIT_FAILED;
        printf("# %.*s\n", (int)(sn->end - sn->start), text + sn->start);
        for (size_t k = 0; k < sn->ntok; k++) {
            int32_t c = vg_syn_tok_chunk(s, (uint32_t)k);
            static const char *const ck[] = { "", "NG", "VG", "PG", "DL" };
            word(text, t, (int32_t)k);
            printf("/%s%s%s%s", vg_syn_tag_name(vg_syn_tag(s, (uint32_t)k)), c >= 0 ? ":" : "",
                   c >= 0 ? ck[vg_syn_chunk(s, (size_t)c)->kind] : "",
                   c >= 0 && vg_syn_chunk(s, (size_t)c)->head == (int32_t)k ? "*" : "");
            fputc(k + 1 < sn->ntok ? ' ' : '\n', stdout);
        }
        static const char *const how[] = { "", "own", "inverted", "shared", "controlled" };
        for (size_t v = 0; v < vg_syn_nverbs(s); v++) {
            const vg_vgroup *g2 = vg_syn_verb(s, v);
            fputs("verb ", stdout);
            word(text, t, g2->head);
            printf("\tclause %s%s\tsubj ", vg_syn_clause_name(g2->kind), g2->passive ? " passive" : "");
            word(text, t, g2->subj);
            if (g2->subj >= 0)
                printf(" (%s)", how[g2->subj_how]);
            if (g2->ante >= 0) {
                fputs("\tante ", stdout);
                word(text, t, g2->ante);
            }
            fputs("\tobj ", stdout);
            word(text, t, g2->obj);
            if (g2->pred >= 0) {
                fputs("\tpred ", stdout);
                word(text, t, g2->pred);
            }
            size_t no;
            const vg_oblique *o = vg_syn_obliques(s, (uint32_t)g2->head, &no);
            for (size_t k = 0; k < no; k++) {
                fputs(k ? " | " : "\tobl ", stdout);
                word(text, t, o[k].prep);
                fputc(' ', stdout);
                word(text, t, o[k].tok);
                if (o[k].agent)
                    fputs(" (agent)", stdout);
            }
            fputc('\n', stdout);
        }
    }
    return EXIT_ALL_OK;
}

int cmd_syntax(int argc, char **argv)
{
    static const struct option longopts[] = { { "ud", no_argument, 0, 'u' },       { "json", no_argument, 0, 'J' },
                                              { "errors", no_argument, 0, 'e' },   { "lang", required_argument, 0, 'l' },
                                              { "data", required_argument, 0, 'D' }, { "dict", required_argument, 0, 'K' },
                                              { "help", no_argument, 0, 'h' },     { 0, 0, 0, 0 } };
    int opt, is_ud = 0, json = 0, errors = 0;
    vg_lang lang = VG_LANG_UNKNOWN;
    vg_options o = { 0 };
    optind = 1;
    while ((opt = getopt_long(argc, argv, "el:D:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'u': is_ud = 1; break;
        case 'J': json = 1; break;
        case 'e': errors = 1; break;
        case 'l':
            if (!strcmp(optarg, "fr")) lang = VG_LANG_FR;
            else if (!strcmp(optarg, "en")) lang = VG_LANG_EN;
            else return cli_usage_error("syntax", "unknown language '%s'", optarg), EXIT_USAGE;
            break;
        case 'D': o.data_dir = optarg; break;
        case 'K': o.dict_dir = optarg; break;
        case 'h': fputs(usage, stdout); return EXIT_ALL_OK;
        default: return cli_usage_error("syntax", "%s", "bad option"), EXIT_USAGE;
        }
    }
    if (is_ud && optind >= argc)
        return cli_usage_error("syntax", "%s", "--ud needs a treebank file"), EXIT_USAGE;
    vg_engine *e = NULL;
    vg_doc *d = NULL;
    vg_syntax *s = NULL;
    char *text = NULL;
    int status = EXIT_FAILED;
    if (vg_engine_open(&o, &e) != VG_OK) {
        fprintf(stderr, "vigie: cannot load dictionaries: %s\n", vg_engine_errmsg(e));
        goto done;
    }
    if (is_ud) {
        status = ud(e, lang, argv + optind, argc - optind, json, errors);
        goto done;
    }
    size_t n = 0;
    const char *path = optind < argc ? argv[optind] : "-";
    if (!strcmp(path, "-")) {
        vg_buf b;
        vg_mem m;
        vg_mem_init(&m, NULL);
        vg_buf_init(&b, &m);
        char chunk[65536];
        size_t k;
        while ((k = fread(chunk, 1, sizeof chunk, stdin)) > 0)
            if (vg_buf_append(&b, chunk, k) != VG_OK)
                break;
        text = b.p ? b.p : calloc(1, 1);
        n = b.n;
    } else if (!(text = vg_read_file(path, &n))) {
        fprintf(stderr, "vigie syntax: %s: cannot read\n", path);
        goto done;
    }
    if (vg_doc_new(e, &d) != VG_OK || vg_syntax_new(&e->mem, &s) != VG_OK)
        goto done;
    status = show(e, d, s, text, n, lang);
done:
    free(text);
    vg_syntax_free(s);
    vg_doc_free(d);
    vg_engine_close(e);
    return status;
}
