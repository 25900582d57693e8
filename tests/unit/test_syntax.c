/* test_syntax.c — the clause layer (src/syntax/) on sentences written for these tests, in French and
** English: what links a verb to its subject and object across an incise, a dateline, a participial
** clause, a coordination, a relative clause and a passive; and the UD scorer (src/eval/ud.c) on a
** small treebank written here, with a multiword token (« du » = de + le). */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "eval.h"
#include "harness.h"
#include "syntax.h"

static vg_engine *E;
static vg_doc *D;
static vg_syntax *S;
static const char *T;            /* the text being parsed */
static const vg_token *TK;       /* its first sentence's tokens */

/* Parse the first sentence of text in lang. */
static void parse(const char *text, vg_lang lang)
{
    vg_docinfo info = { NULL, lang, NULL };
    T = text;
    CHECK(vg_doc_analyze(D, text, strlen(text), &info) == VG_OK);
    const vg_sentence *sn = vg_doc_sentence(D, 0);
    TK = vg_doc_token(D, sn->tok);
    CHECK(vg_syntax_parse(S, vg_engine_syngram(E, lang), text, TK, sn->ntok) == VG_OK);
}

static int is_word(int32_t tok, const char *w)
{
    return tok >= 0 && TK[tok].end - TK[tok].start == strlen(w) && !memcmp(T + TK[tok].start, w, strlen(w));
}

/* the verb group whose main verb is w */
static const vg_vgroup *verb(const char *w)
{
    for (size_t i = 0; i < vg_syn_nverbs(S); i++)
        if (is_word(vg_syn_verb(S, i)->head, w))
            return vg_syn_verb(S, i);
    h_fail(__FILE__, __LINE__, "no verb group headed by '%s'", w);
    return NULL;
}

#define CHECK_SUBJ(v, w) CHECKF((v) && is_word(vg_syn_subject(S, (uint32_t)(v)->head), w), "subject of %s is not %s", #v, w)
#define CHECK_OBJ(v, w) CHECKF((v) && is_word(vg_syn_object(S, (uint32_t)(v)->head), w), "object of %s is not %s", #v, w)

static void incise_fr(void)
{
    parse("Le ministre a rencontré, mardi à Paris, son homologue russe.", VG_LANG_FR);
    const vg_vgroup *v = verb("rencontré");
    CHECK_SUBJ(v, "ministre");
    CHECK_OBJ(v, "homologue");
    CHECK(v && v->kind == VG_CL_MAIN && !v->passive);
    parse("Le président, également chef des armées, a dénoncé hier l'attaque.", VG_LANG_FR);
    CHECK_SUBJ(verb("dénoncé"), "président");
    CHECK_OBJ(verb("dénoncé"), "attaque");
}

static void incise_en(void)
{
    parse("The minister met, on Tuesday in Paris, his Russian counterpart.", VG_LANG_EN);
    CHECK_SUBJ(verb("met"), "minister");
    CHECK_OBJ(verb("met"), "counterpart");
    parse("The envoy, a former general, criticised the decision.", VG_LANG_EN);
    CHECK_SUBJ(verb("criticised"), "envoy");
    CHECK_OBJ(verb("criticised"), "decision");
}

static void participle_takes_main_subject(void)
{
    parse("L'armée a bombardé la ville, accusant les rebelles de préparer une attaque.", VG_LANG_FR);
    const vg_vgroup *p = verb("accusant");
    CHECK(p && p->kind == VG_CL_PART && p->subj_how == VG_SUBJ_CTRL);
    CHECK_SUBJ(p, "armée");
    CHECK_OBJ(p, "rebelles");
    const vg_vgroup *i = verb("préparer"); /* accuser X de: X prepares */
    CHECK(i && i->kind == VG_CL_INF);
    CHECK_SUBJ(i, "rebelles");
    parse("The army shelled the town, accusing the rebels of preparing an attack.", VG_LANG_EN);
    p = verb("accusing");
    CHECK(p && p->kind == VG_CL_PART);
    CHECK_SUBJ(p, "army");
    CHECK_OBJ(p, "rebels");
    parse("Elle a quitté la salle en dénonçant le projet.", VG_LANG_FR);
    p = verb("dénonçant");
    CHECK(p && p->kind == VG_CL_GER);
    CHECK_SUBJ(p, "Elle");
    CHECK_OBJ(p, "projet");
}

static void coordinated_verbs_share_subject(void)
{
    parse("Les manifestants ont envahi la place et ont brûlé des pneus.", VG_LANG_FR);
    const vg_vgroup *v = verb("brûlé");
    CHECK(v && v->subj_how == VG_SUBJ_SHARED);
    CHECK_SUBJ(v, "manifestants");
    CHECK_OBJ(v, "pneus");
    CHECK_OBJ(verb("envahi"), "place");
    parse("Protesters stormed the square and burned tyres.", VG_LANG_EN);
    CHECK_SUBJ(verb("burned"), "Protesters");
    CHECK_OBJ(verb("burned"), "tyres");
}

static void relative_acts_for_antecedent(void)
{
    parse("Le ministre qui a condamné l'attaque a demandé une enquête.", VG_LANG_FR);
    const vg_vgroup *r = verb("condamné");
    CHECK(r && r->kind == VG_CL_REL && is_word(r->subj, "qui") && is_word(r->ante, "ministre"));
    CHECK_SUBJ(r, "ministre");
    CHECK_OBJ(r, "attaque");
    CHECK_SUBJ(verb("demandé"), "ministre");
    CHECK_OBJ(verb("demandé"), "enquête");
    parse("Le texte que le parlement a voté prévoit des sanctions.", VG_LANG_FR);
    r = verb("voté");
    CHECK(r && r->kind == VG_CL_REL && is_word(r->obj, "que"));
    CHECK_SUBJ(r, "parlement");
    CHECK_OBJ(r, "texte"); /* the relative pronoun stands for its antecedent */
    CHECK_SUBJ(verb("prévoit"), "texte");
    parse("The minister who condemned the attack called for an inquiry.", VG_LANG_EN);
    CHECK_SUBJ(verb("condemned"), "minister");
    CHECK_OBJ(verb("condemned"), "attack");
    CHECK_SUBJ(verb("called"), "minister");
}

static void passive_with_agent(void)
{
    parse("La trêve a été violée par les rebelles.", VG_LANG_FR);
    const vg_vgroup *v = verb("violée");
    CHECK(v && v->passive && v->obj < 0);
    CHECK_SUBJ(v, "trêve");
    size_t n;
    const vg_oblique *o = v ? vg_syn_obliques(S, (uint32_t)v->head, &n) : NULL;
    CHECK(o && n == 1 && o[0].agent && is_word(o[0].tok, "rebelles") && is_word(o[0].prep, "par"));
    parse("The truce was violated by the rebels.", VG_LANG_EN);
    v = verb("violated");
    CHECK(v && v->passive);
    CHECK_SUBJ(v, "truce");
    o = v ? vg_syn_obliques(S, (uint32_t)v->head, &n) : NULL;
    CHECK(o && n == 1 && o[0].agent && is_word(o[0].tok, "rebels"));
    /* each verb its own obliques: the participle's agent is not the main verb's */
    parse("La résolution présentée par la France a été rejetée par la Russie.", VG_LANG_FR);
    v = verb("rejetée");
    o = v ? vg_syn_obliques(S, (uint32_t)v->head, &n) : NULL;
    CHECK(v && v->passive && o && n == 1 && o[0].agent && is_word(o[0].tok, "Russie"));
    CHECK_SUBJ(v, "résolution");
    v = verb("présentée");
    o = v ? vg_syn_obliques(S, (uint32_t)v->head, &n) : NULL;
    CHECK(v && v->kind == VG_CL_PART && o && n == 1 && is_word(o[0].tok, "France"));
    CHECK_SUBJ(v, "résolution");
    parse("Rebels backed by Rwanda seized the city.", VG_LANG_EN);
    CHECK(verb("backed") && verb("backed")->kind == VG_CL_PART && verb("backed")->passive);
    CHECK_SUBJ(verb("seized"), "Rebels");
    CHECK_OBJ(verb("seized"), "city");
    parse("Il est arrivé à Paris.", VG_LANG_FR); /* être + arriver: a compound tense, not a passive */
    CHECK(verb("arrivé") && !verb("arrivé")->passive);
}

static void dateline(void)
{
    parse("PARIS (AFP) - La France a condamné l'attaque.", VG_LANG_FR);
    CHECK(vg_syn_nchunks(S) > 0 && vg_syn_chunk(S, 0)->kind == VG_CH_DATELINE);
    CHECK_SUBJ(verb("condamné"), "France");
    CHECK_OBJ(verb("condamné"), "attaque");
    parse("WASHINGTON (Reuters) - Russia rejected the proposal.", VG_LANG_EN);
    CHECK(vg_syn_chunk(S, 0)->kind == VG_CH_DATELINE);
    CHECK_SUBJ(verb("rejected"), "Russia");
    CHECK_OBJ(verb("rejected"), "proposal");
}

static void inverted_and_controlled(void)
{
    parse("« Nous sommes prêts », a déclaré le ministre.", VG_LANG_FR);
    const vg_vgroup *v = verb("déclaré");
    CHECK(v && v->subj_how == VG_SUBJ_INV);
    CHECK_SUBJ(v, "ministre");
    parse("\"We are ready,\" said the minister.", VG_LANG_EN);
    CHECK_SUBJ(verb("said"), "minister");
    parse("Moscou a demandé à Kiev de retirer ses troupes.", VG_LANG_FR); /* object control */
    CHECK_SUBJ(verb("retirer"), "Kiev");
    CHECK_OBJ(verb("retirer"), "troupes");
    parse("Washington wants to impose sanctions.", VG_LANG_EN); /* subject control */
    CHECK(verb("impose") && verb("impose")->kind == VG_CL_INF);
    CHECK_SUBJ(verb("impose"), "Washington");
    CHECK_OBJ(verb("impose"), "sanctions");
}

static void clause_kinds(void)
{
    parse("Le porte-parole a affirmé que l'armée avait frappé la ville lorsque les rebelles sont entrés.", VG_LANG_FR);
    CHECK(verb("affirmé") && verb("affirmé")->kind == VG_CL_MAIN);
    CHECK(verb("frappé") && verb("frappé")->kind == VG_CL_COMPL);
    CHECK_SUBJ(verb("frappé"), "armée");
    CHECK(verb("entrés") && verb("entrés")->kind == VG_CL_ADV);
    CHECK_SUBJ(verb("entrés"), "rebelles");
    CHECK_EQ_INT(vg_syn_clause_kind(S, (uint32_t)verb("frappé")->head), VG_CL_COMPL);
    /* every token belongs to a chunk or not, and to a clause */
    for (size_t i = 0; i < vg_doc_sentence(D, 0)->ntok; i++)
        CHECK(vg_syn_tok_clause(S, (uint32_t)i) >= 0);
}

/* A sentence as long as a sentence may be, of clauses, coordinations and incises: every search stays
** inside it, and the verbs are all found (the work is bounded per verb: no timing asserted). */
static void long_sentence(void)
{
    static char text[8192];
    size_t n = 0;
    for (int k = 0; k < 28 && n + 80 < sizeof text; k++)
        n += (size_t)snprintf(text + n, sizeof text - n, "le ministre, qui a dit que l'armée et la police ont frappé, ");
    snprintf(text + n, sizeof text - n, "a démenti.");
    parse(text, VG_LANG_FR);
    size_t nt = vg_doc_sentence(D, 0)->ntok;
    CHECK(nt > 400 && nt <= VG_MAX_SENT_TOKENS);
    CHECK(vg_syn_nverbs(S) >= 56);
    for (size_t v = 0; v < vg_syn_nverbs(S); v++) {
        const vg_vgroup *g = vg_syn_verb(S, v);
        CHECK(g->subj < (int32_t)nt && g->obj < (int32_t)nt && g->head < (int32_t)nt);
    }
    CHECK_SUBJ(verb("démenti"), "ministre");
}

/* A treebank written for this test: « Le ministre du pays signe l'accord . » with « du » = de + le. */
static void ud_alignment(void)
{
    static const char conllu[] =
        "# text = Le ministre du pays signe l'accord.\n"
        "1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_\n"
        "2\tministre\tministre\tNOUN\t_\t_\t6\tnsubj\t_\t_\n"
        "3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_\n"
        "4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_\n"
        "5\tpays\tpays\tNOUN\t_\t_\t2\tnmod\t_\t_\n"
        "6\tsigne\tsigner\tVERB\t_\t_\t0\troot\t_\t_\n"
        "7\tl'\tle\tDET\t_\t_\t8\tdet\t_\tSpaceAfter=No\n"
        "8\taccord\taccord\tNOUN\t_\t_\t6\tobj\t_\tSpaceAfter=No\n"
        "9\t.\t.\tPUNCT\t_\t_\t6\tpunct\t_\t_\n"
        "\n";
    vg_ud_scores sc;
    CHECK(vg_ud_score(E, VG_LANG_FR, conllu, sizeof conllu - 1, &sc, NULL, NULL) == VG_OK);
    CHECK_EQ_INT(sc.sentences, 1);
    CHECK_EQ_INT(sc.unaligned, 0);
    CHECK_EQ_INT(sc.subj.tp, 1);
    CHECK_EQ_INT(sc.subj.fp, 0);
    CHECK_EQ_INT(sc.obj.tp, 1);
    CHECK_EQ_INT(sc.obj.fn, 0);
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    if (vg_engine_open(NULL, &E) != VG_OK || vg_doc_new(E, &D) != VG_OK || vg_syntax_new(&E->mem, &S) != VG_OK) {
        printf("cannot open the engine: %s\n", vg_engine_errmsg(E));
        return 1;
    }
    RUN(incise_fr);
    RUN(incise_en);
    RUN(participle_takes_main_subject);
    RUN(coordinated_verbs_share_subject);
    RUN(relative_acts_for_antecedent);
    RUN(passive_with_agent);
    RUN(dateline);
    RUN(inverted_and_controlled);
    RUN(clause_kinds);
    RUN(long_sentence);
    RUN(ud_alignment);
    vg_syntax_free(S);
    vg_doc_free(D);
    vg_engine_close(E);
    return h_report();
}
