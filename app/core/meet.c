/* meet: a mentor's place, the ways to meet them, and their clock. See
 * meet.h. */
#include "meet.h"

#include "text.h"

#include <string.h>

/* Each zone's standard offset from UTC, in minutes. */
static const int zone_offset[ZONE_COUNT] = {
    [ZONE_UNKNOWN] = 0,    [ZONE_HAWAII] = -600,       [ZONE_ALASKA] = -540,
    [ZONE_PACIFIC] = -480, [ZONE_MOUNTAIN] = -420,     [ZONE_CENTRAL] = -360,
    [ZONE_EASTERN] = -300, [ZONE_ATLANTIC] = -240,     [ZONE_NEWFOUNDLAND] = -210,
    [ZONE_UK] = 0,         [ZONE_CENTRAL_EUROPE] = 60, [ZONE_EASTERN_EUROPE] = 120,
    [ZONE_INDIA] = 330,    [ZONE_CHINA] = 480,         [ZONE_JAPAN] = 540,
};

/* The last part of a location, folded, and its zone: US states (by the
 * zone most of the state keeps), Canadian provinces and countries. A
 * country that spans several zones (the United States, Canada,
 * Australia, Brazil, Russia) is not here: its zone is unknown. */
static const struct {
    const char *region;
    Zone zone;
} regions[] = {
    {"hi", ZONE_HAWAII},
    {"ak", ZONE_ALASKA},
    {"wa", ZONE_PACIFIC},
    {"or", ZONE_PACIFIC},
    {"ca", ZONE_PACIFIC},
    {"nv", ZONE_PACIFIC},
    {"bc", ZONE_PACIFIC},
    {"mt", ZONE_MOUNTAIN},
    {"id", ZONE_MOUNTAIN},
    {"wy", ZONE_MOUNTAIN},
    {"ut", ZONE_MOUNTAIN},
    {"co", ZONE_MOUNTAIN},
    {"az", ZONE_MOUNTAIN},
    {"nm", ZONE_MOUNTAIN},
    {"ab", ZONE_MOUNTAIN},
    {"nd", ZONE_CENTRAL},
    {"sd", ZONE_CENTRAL},
    {"ne", ZONE_CENTRAL},
    {"ks", ZONE_CENTRAL},
    {"ok", ZONE_CENTRAL},
    {"tx", ZONE_CENTRAL},
    {"mn", ZONE_CENTRAL},
    {"ia", ZONE_CENTRAL},
    {"mo", ZONE_CENTRAL},
    {"ar", ZONE_CENTRAL},
    {"la", ZONE_CENTRAL},
    {"wi", ZONE_CENTRAL},
    {"il", ZONE_CENTRAL},
    {"ms", ZONE_CENTRAL},
    {"al", ZONE_CENTRAL},
    {"tn", ZONE_CENTRAL},
    {"sk", ZONE_CENTRAL},
    {"mb", ZONE_CENTRAL},
    {"mexico", ZONE_CENTRAL},
    {"mi", ZONE_EASTERN},
    {"in", ZONE_EASTERN},
    {"oh", ZONE_EASTERN},
    {"ky", ZONE_EASTERN},
    {"ga", ZONE_EASTERN},
    {"fl", ZONE_EASTERN},
    {"sc", ZONE_EASTERN},
    {"nc", ZONE_EASTERN},
    {"va", ZONE_EASTERN},
    {"wv", ZONE_EASTERN},
    {"dc", ZONE_EASTERN},
    {"md", ZONE_EASTERN},
    {"de", ZONE_EASTERN},
    {"pa", ZONE_EASTERN},
    {"nj", ZONE_EASTERN},
    {"ny", ZONE_EASTERN},
    {"ct", ZONE_EASTERN},
    {"ri", ZONE_EASTERN},
    {"ma", ZONE_EASTERN},
    {"vt", ZONE_EASTERN},
    {"nh", ZONE_EASTERN},
    {"me", ZONE_EASTERN},
    {"on", ZONE_EASTERN},
    {"qc", ZONE_EASTERN},
    {"nb", ZONE_ATLANTIC},
    {"ns", ZONE_ATLANTIC},
    {"pe", ZONE_ATLANTIC},
    {"pr", ZONE_ATLANTIC},
    {"nl", ZONE_NEWFOUNDLAND},
    {"uk", ZONE_UK},
    {"united kingdom", ZONE_UK},
    {"england", ZONE_UK},
    {"scotland", ZONE_UK},
    {"wales", ZONE_UK},
    {"northern ireland", ZONE_UK},
    {"ireland", ZONE_UK},
    {"portugal", ZONE_UK},
    {"germany", ZONE_CENTRAL_EUROPE},
    {"france", ZONE_CENTRAL_EUROPE},
    {"spain", ZONE_CENTRAL_EUROPE},
    {"italy", ZONE_CENTRAL_EUROPE},
    {"netherlands", ZONE_CENTRAL_EUROPE},
    {"belgium", ZONE_CENTRAL_EUROPE},
    {"switzerland", ZONE_CENTRAL_EUROPE},
    {"austria", ZONE_CENTRAL_EUROPE},
    {"denmark", ZONE_CENTRAL_EUROPE},
    {"sweden", ZONE_CENTRAL_EUROPE},
    {"norway", ZONE_CENTRAL_EUROPE},
    {"poland", ZONE_CENTRAL_EUROPE},
    {"czechia", ZONE_CENTRAL_EUROPE},
    {"czech republic", ZONE_CENTRAL_EUROPE},
    {"finland", ZONE_EASTERN_EUROPE},
    {"greece", ZONE_EASTERN_EUROPE},
    {"romania", ZONE_EASTERN_EUROPE},
    {"ukraine", ZONE_EASTERN_EUROPE},
    {"india", ZONE_INDIA},
    {"china", ZONE_CHINA},
    {"singapore", ZONE_CHINA},
    {"hong kong", ZONE_CHINA},
    {"taiwan", ZONE_CHINA},
    {"philippines", ZONE_CHINA},
    {"japan", ZONE_JAPAN},
    {"korea", ZONE_JAPAN},
    {"south korea", ZONE_JAPAN},
};

static Zone region_zone(const char *folded)
{
    for (size_t i = 0; i < sizeof regions / sizeof *regions; i++)
        if (strcmp(regions[i].region, folded) == 0)
            return regions[i].zone;
    return ZONE_UNKNOWN;
}

/* s[0..n) folded and trimmed into out. */
static void fold_part(const char *s, size_t n, char *out, size_t cap)
{
    char part[PLACE_TEXT_MAX];
    if (n >= sizeof part)
        n = sizeof part - 1;
    memcpy(part, s, n);
    part[n] = '\0';
    char folded[PLACE_TEXT_MAX * 2];
    text_fold(part, folded, sizeof folded);
    text_copy(out, cap, text_trim(folded));
}

void meet_place(const char *location, Place *out)
{
    memset(out, 0, sizeof *out);
    const char *comma = strchr(location, ','), *last = strrchr(location, ',');
    fold_part(location, comma ? (size_t)(comma - location) : strlen(location), out->city,
              sizeof out->city);
    if (last)
        fold_part(last + 1, strlen(last + 1), out->region, sizeof out->region);
    out->remote = !last && (strcmp(out->city, "remote") == 0 || strcmp(out->city, "anywhere") == 0);
    out->zone = region_zone(out->region);
}

Reach meet_reach(const Mentor *m, const char *office_location)
{
    Place here, there;
    meet_place(m->location, &there);
    if (there.remote)
        return REACH_NOWHERE;
    meet_place(office_location, &here);
    if (!*here.city || !*there.city)
        return REACH_UNKNOWN;
    bool same = strcmp(here.city, there.city) == 0 && strcmp(here.region, there.region) == 0;
    return same ? REACH_LOCAL : REACH_AWAY;
}

unsigned meet_formats(const Mentor *m, const char *office_location)
{
    const unsigned phone = 1u << FORMAT_PHONE, video = 1u << FORMAT_VIDEO;
    switch (m->via) {
    case VIA_PHONE: /* they asked for calls */
        return phone;
    case VIA_VIDEO: /* their link books a video call */
        return video;
    default:
        break;
    }
    switch (meet_reach(m, office_location)) {
    case REACH_AWAY:
    case REACH_NOWHERE:
        return phone | video;
    default:
        return (1u << FORMAT_COUNT) - 1;
    }
}

MeetFormat meet_format_in(unsigned formats, MeetFormat format)
{
    if (format < FORMAT_COUNT && formats & (1u << format))
        return format;
    for (int f = 0; f < FORMAT_COUNT; f++)
        if (formats & (1u << f))
            return (MeetFormat)f;
    return format;
}

bool meet_minutes_ahead(const Mentor *m, const char *office_location, int *minutes)
{
    Place here, there;
    meet_place(m->location, &there);
    meet_place(office_location, &here);
    if (there.zone == ZONE_UNKNOWN || here.zone == ZONE_UNKNOWN)
        return false;
    *minutes = zone_offset[there.zone] - zone_offset[here.zone];
    return *minutes != 0;
}
