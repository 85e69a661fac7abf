/* A fixed mentor, visitor and question bank for engine tests. */
#ifndef CK_FIXTURE_VISIT_H
#define CK_FIXTURE_VISIT_H

#include "core/csv.h"
#include "core/mentor.h"
#include "core/office.h"
#include "core/question.h"
#include "core/visitor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline Mentor fixture_mentor(void)
{
    Mentor m;
    memset(&m, 0, sizeof m);
    strcpy(m.id, "M1001");
    strcpy(m.first_name, "José");
    strcpy(m.last_name, "García");
    strcpy(m.title, "Engineering Manager");
    strcpy(m.organization, "Copperline Software");
    strcpy(m.field, "Software Engineering");
    strcpy(m.major, "Physics");
    strcpy(m.location, "Chicago, IL");
    strcpy(m.contact, "jose.garcia@example.org");
    strcpy(m.topics, "first jobs in tech; code review");
    strcpy(m.languages, "English; Spanish");
    m.grad_year = 2012;
    m.via = VIA_EMAIL;
    m.remote = true;
    m.accepting = true;
    m.monthly_cap = 8;
    return m;
}

/* The sample office, as the tests' messages and sheets name it. */
static inline Office fixture_office(void)
{
    Office o;
    memset(&o, 0, sizeof o);
    strcpy(o.name, "Career Center");
    strcpy(o.school, "Northfield University");
    strcpy(o.contact, "the front desk");
    return o;
}

static inline Visitor fixture_visitor(void)
{
    Visitor v;
    visitor_init(&v);
    strcpy(v.first_name, "Sam");
    strcpy(v.program, "Biology");
    strcpy(v.interest, "how biology graduates move into software");
    return v;
}

/* Loads assets/questions.csv with the core reader; returns the count. */
static inline int fixture_bank(Question *bank, int cap)
{
    FILE *f = fopen("assets/questions.csv", "rb");
    static char data[65536];
    char buf[4096];
    const char *field[8];
    size_t len;
    CsvReader r;
    CsvRow row = {buf, sizeof buf, field, 8, 1024, 0, 0, 0, 0, 0, 0};
    char why[200];
    int n = 0;
    if (!f)
        return -1;
    len = fread(data, 1, sizeof data, f);
    fclose(f);
    csv_open(&r, data, len);
    csv_next_row(&r, &row);
    while (n < cap && csv_next_row(&r, &row))
        if (row.nfields == 5 && question_from_fields(field[0], field[1], field[2], field[3],
                                                     field[4], &bank[n], why, sizeof why))
            n++;
        else
            return -(int)row.line;
    return n;
}

#endif
