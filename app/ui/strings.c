/* strings: the English table. */
#include "strings.h"

#include <string.h>

static const char *const en[S_COUNT] = {
    [S_TOUCH_TO_START] = "Touch to start",
    [S_WELCOME_HEADLINE] = "Talk with someone who does the work you're curious about",
    [S_WELCOME_SUB] = "Find an alum, get a ready-to-send note asking for a short conversation, "
                      "and leave with a prep sheet. About three minutes, no account.",
    [S_WELCOME_PROMISE] = "Nothing you type here is saved.",
    [S_WELCOME_TIP] = "A question you could ask:",
    [S_LARGER_TEXT] = "Larger text",
    [S_HIGH_CONTRAST] = "High contrast",
    [S_BACK] = "Back",
    [S_START_OVER] = "Start over",
    [S_SKIP] = "Skip this step",
    [S_NEXT] = "Next",
    [S_STEP_ABOUT] = "You",
    [S_STEP_FIND] = "Find",
    [S_STEP_MESSAGE] = "Message",
    [S_STEP_QUESTIONS] = "Questions",
    [S_STEP_TAKEAWAY] = "Take away",
    [S_ABOUT_TITLE] = "A little about you",
    [S_ABOUT_SUB] = "Optional. It makes your message sound like you. Skip anything you like.",
    [S_FIRST_NAME] = "Your first name",
    [S_FIRST_NAME_HINT] = "For example: Sam",
    [S_PROGRAM] = "Your program or major",
    [S_PROGRAM_HINT] = "For example: Biology",
    [S_INTEREST] = "What are you exploring?",
    [S_INTEREST_HINT] = "For example: careers in public health",
    [S_YOU_ARE] = "You are",
    [S_NEXT_FIND] = "Next: find someone",
    [S_FIND_TITLE] = "Find someone to talk to",
    [S_SEARCH_HINT] = "Search by name, job, company, field or city",
    [S_ALL_FIELDS] = "All fields",
    [S_REMOTE_OK] = "Meets remotely",
    [S_TAKING_REQUESTS] = "Taking requests",
    [S_ANY_CHANNEL] = "Any way to reach",
    [S_ANY_LANGUAGE] = "Any language",
    [S_RESULTS_COUNT] = "%d people",
    [S_RESULTS_ONE] = "1 person",
    [S_RESULTS_MORE] = "Showing the first %d. Type or pick a field to narrow it down.",
    [S_NO_RESULTS] = "No one matches that yet",
    [S_NO_RESULTS_TIPS] = "Try one of these, or a shorter word. Staff at the desk can also "
                          "suggest people.",
    [S_AT_CAP] = "%s has had all the requests they take this month",
    [S_AT_CAP_TIPS] = "Each mentor offers a few conversations a month, so no one is asked too "
                      "often. Ask again next month, or talk with someone else:",
    [S_SHOWING_FOR] = "Showing results for %s",
    [S_SEARCH_INSTEAD] = "Search for \xe2\x80\x9c%s\xe2\x80\x9d instead",
    [S_DID_YOU_MEAN] = "Did you mean %s?",
    [S_SEE_FIELD] = "Everyone in %s",
    [S_CLEAR_SEARCH] = "Clear the search",
    [S_DROP_FILTER] = "Turn off \xe2\x80\x9c%s\xe2\x80\x9d",
    [S_PICK_FIELD] = "Pick a field",
    [S_DETAILS_CHECKED] = "Details checked %s",
    /* twelve names, a comma after each but the last */
    [S_MONTHS] = "January,February,March,April,May,June,July,August,September,October,"
                 "November,December",
    [S_CLASS_OF] = "Class of %d",
    [S_PREFERS] = "Prefers: %s",
    [S_MEETS_REMOTELY] = "Meets remotely",
    [S_NOT_TAKING] = "Not taking requests right now",
    [S_DETAIL_TOPICS] = "Happy to talk about",
    [S_DETAIL_REACH] = "How to reach them",
    [S_DETAIL_REACH_NOTE] = "It goes on your prep sheet and in the QR codes.",
    [S_DETAIL_LANGUAGES] = "Speaks",
    [S_CHOOSE] = "Choose %s",
    [S_MESSAGE_TITLE] = "Your message to %s",
    [S_CHANNEL] = "Send it as",
    [S_HOW_LONG] = "Ask for",
    [S_MINUTES_N] = "%d minutes",
    [S_HOW_MEET] = "Meet by",
    [S_FOUND_VIA] = "You found them through",
    [S_FOUND_DIRECTORY] = "Alumni directory",
    [S_FOUND_SCHOOL] = "Same school",
    [S_FOUND_MAJOR] = "Same major",
    [S_CHARS_LEFT] = "%d letters left",
    [S_FIELD_FULL] = "Full: keep it short",
    [S_LINKEDIN_ACCOUNT] = "Your LinkedIn account",
    [S_PREMIUM_ACCOUNT] = "Premium (300 characters)",
    [S_FREE_ACCOUNT] = "Free (200 characters)",
    [S_PREVIEW] = "Preview",
    [S_SUBJECT] = "Subject:",
    [S_COUNT_WORDS] = "%d of %d words",
    [S_COUNT_CHARS] = "%d of %d characters",
    [S_LOOKS_GOOD] = "Short, specific and polite. Good to send.",
    [S_NEXT_QUESTIONS] = "Next: pick questions",
    [S_QUESTIONS_TITLE] = "Questions to ask",
    [S_QUESTIONS_SUB] = "We picked a set that fits your time. Tap to add or remove.",
    [S_TIME_PLANNED] = "%d of %d minutes planned",
    [S_TIME_OVER] = "That is more than fits. Keep a few minutes for hellos and thanks.",
    [S_TIME_WHY] = "You asked for %d minutes; about 5 are for hellos and thanks.",
    [S_SUGGESTED] = "Use the suggested set",
    [S_N_MIN] = "%d min",
    [S_NEXT_TAKEAWAY] = "Next: take it with you",
    [S_TAKEAWAY_TITLE] = "Your prep sheet",
    [S_SCAN_HINT] = "Point your phone's camera here",
    [S_QR_SHEET_ABOUT] = "The whole plan: contact, questions, follow-up dates",
    [S_QR_EMAIL_ABOUT] = "Your message, ready in your email app",
    [S_QR_OFFICE_ABOUT] = "Your request to the career office, ready in your email app",
    [S_QR_EMAIL_BRIEF_ABOUT] = "An email to them with its subject only. Your message is on the "
                               "prep sheet, or show the whole email above.",
    [S_QR_LINKEDIN_ABOUT] = "Opens their LinkedIn page. Your note to send them is on the prep sheet.",
    [S_QR_PHONE_ABOUT] = "Calls them from your phone. Your script is on the prep sheet.",
    [S_QR_VIDEO_ABOUT] = "Opens their booking link. Your note to paste is on the prep sheet.",
    [S_QR_THANKS_LINKEDIN_ABOUT] = "Opens their LinkedIn page, to thank them the day after you meet. "
                                   "Your note is on the prep sheet.",
    [S_QR_SHOW_WHOLE] = "Show the whole email in one code",
    [S_QR_WHOLE_TITLE] = "Your whole email in one code",
    [S_QR_WHOLE_CLOSE] = "Back to all the codes",
    [S_QR_COPY_TEXT] = "Your phone shows this as text: choose Copy the text, then paste it.",
    [S_QR_COPY_PARTS] = "Your phone shows each part as text: choose Copy the text for each, "
                        "then paste them together.",
    [S_QR_CONTACT_ABOUT] = "Save the contact to your phone",
    [S_QR_REMINDERS_ABOUT] = "Calendar reminders: send today, follow up once",
    [S_QR_THANKS_ABOUT] = "A thank-you to send the day after you meet",
    [S_QR_PARTS] = "In %d parts: scan each one",
    [S_QR_TOO_BIG] = "This one is too long for a code. Ask at the desk for a printout.",
    [S_PRINT] = "Print",
    [S_PRINTING_CHECK] = "Checking the printer...",
    [S_PRINTING_SEND] = "Printing your sheet...",
    [S_PRINTING_PREPARE] = "Getting your sheet ready...",
    [S_PRINTED] = "Printed. Your sheet is ready at the printer.",
    [S_PRINTED_WHERE] = "Printed. Pick it up: %s.",
    [S_PRINT_AGAIN] = "Print another",
    [S_PRINT_TRY_AGAIN] = "Print again",
    [S_PRINTING_BUTTON] = "Printing...",
    [S_PRINT_FAILED] = "Your sheet did not print.",
    [S_PRINT_SCAN_INSTEAD] = "Scan the codes with your phone instead, or ask at the desk.",
    [S_PRINTER_STOPPED] = "The printer is paused right now.",
    [S_PRINTER_OFFLINE] = "The printer is switched off or not connected.",
    [S_PRINTER_NO_PAPER] = "The printer is out of paper.",
    [S_PRINTER_JAMMED] = "Paper is stuck in the printer.",
    [S_PRINTER_NO_TONER] = "The printer is out of ink or toner.",
    [S_PRINTER_COVER_OPEN] = "The printer's cover is open.",
    [S_PRINTER_MISSING] = "The printer cannot be reached.",
    [S_PRINTER_TIMEOUT] = "The printer stopped answering.",
    [S_PRINTER_CANCELED] = "The print job was canceled at the printer.",
    [S_PAPER_CODES_TITLE] = "Take it with you: scan with your phone's camera",
    [S_PAPER_PAGE] = "Page %d of %d",
    [S_PAPER_MADE] = "Made at the career kiosk, %s. Nothing you typed was kept.",
    /* the office's contact is a phrase for a sentence ("the front desk, or
     * careers@..."): on paper it closes one */
    [S_PAPER_CONTACT] = "Questions? Ask the %s: %s",
    [S_PAPER_HEADER] = "Prep sheet",
    [S_FINISH] = "Finish and clear",
    [S_STILL_THERE] = "Still there?",
    [S_STILL_THERE_SUB] = "To keep your details private, this kiosk clears itself in",
    [S_SECONDS_N] = "%d seconds",
    [S_FINISH_TITLE] = "Leave without your sheet?",
    [S_FINISH_SUB] = "Finishing clears your prep sheet and its codes from this kiosk. Scan a "
                     "code with your phone, or print, if you want to keep them.",
    [S_BACK_TO_SHEET] = "Back to my sheet",
    [S_FINISH_ANYWAY] = "Clear it now",
    [S_SECOND_1] = "1 second",
    [S_MORE_TIME] = "I need more time",
    [S_RESTART_TITLE] = "Start over?",
    [S_RESTART_SUB] = "Everything you entered will be cleared.",
    [S_KEEP_GOING] = "Keep going",
    [S_KEY_SHIFT] = "Shift",
    [S_KEY_ACCENTS] = "àéü",
    [S_KEY_LETTERS] = "abc",
    [S_KEY_SPACE] = "Space",
    [S_KEY_DELETE] = "Delete",
    [S_KEY_DONE] = "Done",
    [S_CANNOT_SHOW] = "That character can't be shown here",
    [S_PRIVACY_NOTE] = "Cleared when you finish or walk away.",
    [S_STAFF] = "Staff",
    [S_STAFF_NOTICE] = "Staff: a notice",
    [S_STICK_BANNER] = "A staff USB stick is plugged in. Staff: tap here.",
};

static const char *const *current = en;

const char *str(StrId id)
{
    return id < S_COUNT && current[id] ? current[id] : "";
}

const char *strings_languages(void)
{
    return "en";
}

int strings_set_language(const char *code)
{
    if (strcmp(code, "en") == 0) {
        current = en;
        return 1;
    }
    return 0;
}
