/* when.c — the dates a sentence gives, resolved against the publication date: weekdays
** (« vendredi », "on Friday": the last such day on or before publication; « mardi dernier », "last
** Tuesday": strictly before; « prochain », "next": after), « hier », "yesterday", day and month
** (« le 14 juillet », "July 14", with or without a year; without one, the latest such date not after
** publication), « fin février », "early March", and numeric dates (14/07/2016, 2016-07-15).
** The words come from data/text/<lang>/dates.txt. Without a publication date only dates that carry
** their year are resolved. Not here: which date an event takes (the nearest, in match.c). */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "coder.h"

static int in4(const uint32_t *v, uint32_t w)
{
    for (int i = 0; i < 4; i++)
        if (v[i] && v[i] == w)
            return 1;
    return 0;
}

static int weekday_of(const vg_dates *d, uint32_t w)
{
    for (int k = 0; k < 7; k++)
        for (int a = 0; a < VG_DATE_ALTS; a++)
            if (d->weekday[k][a] && d->weekday[k][a] == w)
                return k;
    return -1;
}

static int month_of(const vg_dates *d, uint32_t w)
{
    for (int k = 0; k < 12; k++)
        for (int a = 0; a < VG_DATE_ALTS; a++)
            if (d->month[k][a] && d->month[k][a] == w)
                return k + 1;
    return 0;
}

static int small_number(const sent_t *s, size_t i, int lo, int hi)
{
    if (i >= s->nt || s->t[i].kind != VG_TOK_NUM)
        return 0;
    const char *k = s->t[i].key;
    int v = 0, n = 0;
    while (k[n] >= '0' && k[n] <= '9' && n < 5)
        v = v * 10 + (k[n++] - '0');
    if (!n || (k[n] && strcmp(k + n, "er") && strcmp(k + n, "st") && strcmp(k + n, "nd") && strcmp(k + n, "rd") &&
               strcmp(k + n, "th")))
        return 0;
    return v >= lo && v <= hi ? v : 0;
}

static int days_in_month(int y, int m)
{
    static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : dm[m - 1];
}

/* "threatened on Wednesday (Nov 13) to retaliate", « a annoncé le 13 novembre son retrait »:
** a time expression, with its preposition or brackets, stands outside the patterns */
static void mark(sent_t *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        s->ct[i].skip = 1;
    if (a > 0 && s->ct[a - 1].np < 0 && in4(s->lx->dates.at, s->ct[a - 1].w))
        s->ct[--a].skip = 1;
    if (a > 0 && b < s->nt && s->t[a - 1].key[0] == '(' && s->t[b].key[0] == ')')
        s->ct[a - 1].skip = s->ct[b].skip = 1;
}

static vg_status push(sent_t *s, int32_t day, size_t a, size_t b)
{
    vg_coder *c = s->c;
    vg_status rc = vg_grow(s->lx->mem, (void **)&c->when, &c->capwhen, c->nwhen + 1, sizeof(when_t));
    if (rc != VG_OK)
        return rc;
    c->when[c->nwhen].day = day;
    c->when[c->nwhen].ahead = VG_DAY_MIN;
    c->when[c->nwhen].a = (uint32_t)a;
    c->when[c->nwhen].b = (uint32_t)b;
    c->nwhen++;
    mark(s, a, b);
    return VG_OK;
}

/* 14/07/2016, 15.07.2016, 2016-07-15 */
static int32_t numeric_date(const char *k)
{
    int a, b, y;
    char sep;
    if (strlen(k) == 10 && k[4] == '-') {
        if (!vg_date_valid(k, 10))
            return VG_DAY_MIN;
        return vg_days_from_civil(atoi(k), atoi(k + 5), atoi(k + 8));
    }
    const char *p = k;
    a = (int)strtol(p, (char **)&p, 10);
    sep = *p++;
    b = (int)strtol(p, (char **)&p, 10);
    if (*p++ != sep)
        return VG_DAY_MIN;
    y = (int)strtol(p, (char **)&p, 10);
    if (y < 100)
        y += 2000;
    if (b < 1 || b > 12 || a < 1 || a > days_in_month(y, b))
        return VG_DAY_MIN; /* day first, the French and international order */
    return vg_days_from_civil(y, b, a);
}

vg_status vg_when_find(sent_t *s)
{
    const vg_dates *d = &s->lx->dates;
    vg_coder *c = s->c;
    int32_t pub = c->doc_day;
    vg_status rc = VG_OK;
    c->nwhen = 0;
    for (size_t i = 0; i < s->nt && rc == VG_OK; i++) {
        uint32_t w = s->ct[i].w;
        if (s->t[i].kind == VG_TOK_DATE) {
            int32_t day = numeric_date(s->t[i].key);
            if (day != VG_DAY_MIN)
                rc = push(s, day, i, i + 1);
            continue;
        }
        /* a year alone after in / en / since (« en 1998 », "in 1998"), before the publication's
        ** year: a historical act takes that year (its first day: the event date has no coarser
        ** precision; docs/coder.md § dates) */
        if (s->t[i].kind == VG_TOK_NUM && i > 0 && s->ct[i - 1].np < 0 &&
            (!strcmp(s->t[i - 1].key, "in") || !strcmp(s->t[i - 1].key, "en") || !strcmp(s->t[i - 1].key, "depuis") ||
             !strcmp(s->t[i - 1].key, "since") || !strcmp(s->t[i - 1].key, "until") || !strcmp(s->t[i - 1].key, "jusqu'en"))) {
            int year = small_number(s, i, 1900, 2100), py = 0, pm, pd;
            if (pub != VG_DAY_MIN)
                vg_civil_from_days(pub, &py, &pm, &pd);
            if (year && (pub == VG_DAY_MIN || year < py) && (i + 1 >= s->nt || month_of(d, s->ct[i + 1].w) == 0))
                rc = push(s, vg_days_from_civil(year, 1, 1), i - 1, i + 1);
            continue;
        }
        if (!w || w >= s->lx->nword_base || !s->lx->wdate[w])
            continue; /* not a date word: most tokens */
        int wd = weekday_of(d, w);
        if (wd >= 0 && pub != VG_DAY_MIN) {
            size_t a = i, b = i + 1;
            int last = (b < s->nt && in4(d->last, s->ct[b].w)) || (a > 0 && in4(d->last, s->ct[a - 1].w));
            int next = (b < s->nt && in4(d->next, s->ct[b].w)) || (a > 0 && in4(d->next, s->ct[a - 1].w));
            if (b < s->nt && (in4(d->last, s->ct[b].w) || in4(d->next, s->ct[b].w)))
                b++;
            else if (a > 0 && (in4(d->last, s->ct[a - 1].w) || in4(d->next, s->ct[a - 1].w)))
                a--;
            int back = (vg_weekday(pub) - wd + 7) % 7;
            int32_t day = next ? pub + ((wd - vg_weekday(pub) + 7) % 7 ? (wd - vg_weekday(pub) + 7) % 7 : 7)
                          : pub - (last && back == 0 ? 7 : back);
            rc = push(s, day, a, b);
            if (rc == VG_OK && !last && !next) /* "will meet on Friday": the Friday ahead */
                c->when[c->nwhen - 1].ahead = pub + (wd - vg_weekday(pub) + 7) % 7;
            continue;
        }
        if (wd >= 0) { /* no publication date: no day, but still a time expression */
            mark(s, i, i + 1);
            continue;
        }
        for (int k = 0; k < d->nrel && pub != VG_DAY_MIN; k++)
            if (d->rel[k] == w) {
                rc = push(s, pub + d->rel_off[k], i, i + 1);
                break;
            }
        int mo = month_of(d, w);
        if (!mo)
            continue;
        /* the day before (14 juillet, 14th of July) or after (July 14); the year after */
        size_t a = i, b = i + 1;
        int day = 0, year = 0;
        if (i > 0 && (day = small_number(s, i - 1, 1, 31)))
            a = i - 1;
        else if (i > 1 && !strcmp(s->t[i - 1].key, "of") && (day = small_number(s, i - 2, 1, 31)))
            a = i - 2;
        else if ((day = small_number(s, i + 1, 1, 31)))
            b = i + 2;
        size_t y = b;
        if (y < s->nt && s->t[y].key[0] == ',')
            y++;
        if ((year = small_number(s, y, 1900, 2100)))
            b = y + 1;
        int edge = 0; /* fin février: the last day; début mars: the first; mi-avril: the 15th */
        if (!day && a > 0 && in4(d->end, s->ct[a - 1].w))
            edge = 1, a--;
        else if (!day && a > 0 && in4(d->start, s->ct[a - 1].w))
            edge = strcmp(s->t[a - 1].key, "mi") && strcmp(s->t[a - 1].key, "mid") ? 2 : 3, a--;
        if (!day && !edge)
            continue; /* a month alone is no day */
        if (!year) {
            if (pub == VG_DAY_MIN) {
                mark(s, a, b);
                continue;
            }
            int py, pm, pd;
            vg_civil_from_days(pub, &py, &pm, &pd);
            year = py;
            int dd = day ? day : 1;
            if (dd > days_in_month(year, mo))
                dd = days_in_month(year, mo);
            if (vg_days_from_civil(year, mo, dd) > pub + 7) /* news looks back: 14 juillet in March */
                year--;
        }
        if (edge == 1)
            day = days_in_month(year, mo);
        else if (edge == 2)
            day = 1;
        else if (edge == 3)
            day = 15;
        if (day > days_in_month(year, mo))
            continue;
        rc = push(s, vg_days_from_civil(year, mo, day), a, b);
        i = b - 1;
    }
    return rc;
}
