"""Every word the bot says outside the flows, in one place a clinician reviews.

`python -m bot words` shows them all on one page (bot/ops/words_review.py), with the
crisis, concern and not-safe replies safety/ builds and the dialogue engine's own fallback
lines; tests/test_words.py checks that no reply text or button label is written anywhere
else in bot/. Plain words; see SAFE_MESSAGING.md. Braces are filled in when sent.
"""

HELP = (
    "I'm Waypoint, a bot. I offer short conversations about self-injury and recovery, "
    "written with research and care. I'm not a person, not therapy and not a crisis "
    "service, and nobody reads this chat. I can't call anyone or send help.\n\n"
    "/topics - things we can talk about\n"
    "/sos - crisis lines, right now\n"
    "/toolbox - your coping toolbox\n"
    "/wins - times you got through an urge\n"
    "/plan - your safety plan\n"
    "/checkin - daily check-ins (off unless you turn them on)\n"
    "/progress - a picture of your check-ins\n"
    "/country - where you live, for the right crisis lines\n"
    "/keep - let me keep what you choose to save (off until you say yes)\n"
    "/mydata - everything I keep about you\n"
    "/delete - erase everything I keep about you\n"
    "/stop - pause our chat and any check-ins\n\n"
    "If you are in danger right now, call your local emergency number."
)
UNSUPPORTED = (
    "I can only read text, sorry. If you'd like to, tell me in words, "
    "or tap /topics to see what we can talk about."
)
UNSUPPORTED_SAFE = (
    "I can only read text, sorry. Are you safe right now? You can type yes or no. "
    "If you are in danger, please call your local emergency number now."
)
UNKNOWN_COMMAND = "I don't know that command. /help shows what I can do."
NO_CONVERSATION = "I'm here. Here's what we can talk about:"
STALE_BUTTON = "That button was from an earlier chat. Here's what we can talk about now:"

# Questions back to the bot, typed at any step (bot/core/asides.py); the step follows.
ASIDE_PRIVACY = (
    "No one reads this chat. I'm a bot, and I don't keep your messages. I don't tell or "
    "send anything to anyone: not a counsellor, a parent or a school. I only keep things "
    "you choose to save, locked (encrypted). /mydata shows them, and /delete erases them."
)
ASIDE_ATTENTION = (
    "No. Self-injury is usually a way of coping with feelings that feel too much, and many "
    "people hide it for a long time. If someone does show it, they may need support, and "
    "it's okay to need that."
)
ASIDE_PHONE = (
    "Taking a phone away can feel like the safe thing to do. But it can cut them off from "
    "friends and support, and make it harder for them to come to you. Talking together "
    "about what they see online, and agreeing on some steps, usually helps more."
)
# "Are you a bot?", "am I talking to a real person?", asked in any words or language.
ASIDE_WHAT_I_AM = (
    "I'm a bot, not a person. I'm a scripted program: people wrote and checked everything "
    "I say, and I'm not an AI that makes up its own words. No one reads this chat. If you'd "
    "like to talk with a person, the crisis lines have real people: type /sos, or pick "
    '"I need help now" on the topics.'
)
ASIDE_TALK = "I'm here, and I'm listening. Tell me in your own words, or pick one of these."
# Asked whether the bot speaks another language ("hablas español?"): honestly, and the way on.
ENGLISH_ONLY = (
    "I'm sorry, I can only write in English. I'll keep my words simple. If you'd like to "
    "talk with a person in your own language, a helpline can help: type /sos to see them."
)
# The same "sorry, only English", first in the language asked about, where we know it
# (by its code: bot/core/before_the_step.py, `other_language`).
SORRY_ONLY_ENGLISH = {
    "es": "Lo siento, solo puedo escribir en inglés.",
    "pt": "Desculpe, só consigo escrever em inglês.",
    "fr": "Désolé, je ne peux écrire qu'en anglais.",
    "de": "Es tut mir leid, ich kann nur auf Englisch schreiben.",
    "it": "Mi dispiace, posso scrivere solo in inglese.",
}
# Said above a step's buttons instead of words said in the last few turns (bot/core/repeats.py).
MENU_AGAIN = (
    "We can carry on from here whenever you're ready.",
    "Back to where we were, whenever you're ready.",
    "Take your time. We can go on from here.",
    "Whenever you're ready, we can pick up from here.",
    "Still here. We can go on when you like.",
    "No rush. We can carry on from here.",
)
# A question with buttons asked again within a few turns, in other words.
QUESTION_AGAIN = (
    "Back to my question: {question}",
    "Let me ask again: {question}",
    "So, {question}",
)
# Said instead of the engine's "not sure which one you meant" when that was said just now.
UNCLEAR_AGAIN = (
    "I still couldn't tell which one you meant, sorry. You can tap one of these, or type "
    "/topics for something else.",
    "Still not sure I follow, sorry. Tap one of these, or tell me in other words.",
)

# "wait no, don't save that" where a step would have kept those very words: not kept.
NOT_KEPT_AS_TOLD = "Okay, I won't keep that."
NOT_KEPT = (
    "I haven't kept that, because you haven't said I can keep things for you. "
    "Type /keep if you would like me to."
)
STAY_WITH_YOU = (
    "I'm here with you. You don't have to go through this moment alone.\n\n"
    "Are you safe right now? If not, please call your local emergency number now."
)
STAY = STAY_WITH_YOU + " If you can, would one of these help?"
# "Keep talking with me" under the lines for someone else's danger: with the helper.
STAY_FOR_THEM = (
    "I'm here with you. If they are in danger right now, please call your local emergency "
    "number for them, and stay with them if it is safe for you. Would one of these help?"
)

# Asked after a concern reply when the person's words could hide thoughts of suicide
# (SAFE_MESSAGING.md, Always 4: asking does not plant the idea; a "no" never hides the lines).
ASK_ABOUT_SUICIDE = (
    "Sometimes when things feel this hard, people think about suicide. Can I ask you "
    "straight out: are you thinking about suicide? Whatever you answer, no one is told "
    "and no one is called."
)
ASK_AGAIN = (
    "I want to be sure I understand you: are you thinking about suicide? You can tap an "
    "answer, or type yes or no."
)
ASKED_NO = (
    "Thanks for answering. If those thoughts ever come, type /sos at any time to see "
    "crisis lines. Would one of these help now?"
)
# A no that goes on ("no, I just want to stop feeling like this"): heard, not only thanked.
ASKED_NO_AND_MORE = (
    "Thank you for telling me. It sounds like a lot is weighing on you right now, and "
    "feelings this heavy do ease, even when that's hard to believe. You don't have to carry "
    "it alone. If thoughts of suicide ever come, type /sos at any time to see crisis lines. "
    "Would one of these help now?"
)
ASKED_NOT_SAYING = (
    "That's okay, you don't have to tell me. If you are thinking about suicide, people "
    "can help: type /sos at any time to see crisis lines. Would one of these help now?"
)
# "Yes, I'm safe" to "Are you safe right now?".
SAFE_NOW = (
    "I'm glad you're safe right now. I'm here, and we can take the next few minutes "
    "together. Would one of these help?"
)
# A plain "no" ("nah", "no thanks") typed at "would one of these help?" under the concern
# reply or "I'm glad you're safe": none of them, thank you; back to where we were.
MENU_DECLINED = "That's okay. Crisis lines are here whenever you need them: type /sos."
# The concern reply again in the same episode: short, and different each time (the first,
# safety.concern_reply, carries a line; "Crisis lines" stays a tap away under these).
CONCERN_AGAIN = (
    "I hear you. That sounds really heavy. I'm still here with you.",
    "Thank you for telling me how it is. You don't have to carry it alone, even for the "
    "next few minutes.",
    "That's a lot to feel. It makes sense it's hard right now, and it can ease.",
    "I'm listening. Would one of these help for the next little while?",
)
# Worried words in the someone-else flow that its step cannot read: the helper's worry
# for the other person, not their own distress (no concern reply, no suicide question);
# the step's buttons stay.
WORRIED_FOR_THEM = (
    "It makes sense to be worried about them. Looking for help is a caring thing to do, "
    "and your feelings matter too. Which of these fits best? You can tap one, or type it."
)
COUNTRY_ASK = (
    "Where do you live? I'll use it to show the right crisis lines. "
    "I only keep the country, nothing more precise."
)
COUNTRY_SET = "Thanks. I'll show crisis lines for {name}."
# The same country typed again: not the same words again.
COUNTRY_ALREADY = "Yes, I have {name} for you. Type /sos to see its crisis lines at any time."
COUNTRY_NOT_FOUND = (
    "I don't have lines for that place yet, or I didn't recognise it. You can pick a "
    'country below, or "Somewhere else" for international options.'
)

# "Somewhere else" tapped: the international lines follow at once, in the same turn.
COUNTRY_INTERNATIONAL = (
    "Okay. Here are international options, which can point you to a line where you are."
)
# A country typed that the directory has no lines for ("Peru"): its international lines
# follow at once, in the same turn.
COUNTRY_NO_LINES = (
    "Thanks. I don't have lines of my own for {name} yet. Here are international options, "
    "which can point you to a line there."
)
STOPPED = (
    "Okay, I'll be quiet. Any check-ins are off. "
    "What you kept is still here (/delete erases it). Type /start any time to come back."
)
DELETE_ASK = (
    "This erases everything I keep about you: your kept things, check-ins, safety plan, "
    "settings and where you were in a conversation. It can't be undone. Erase it all?"
)
DELETE_DONE = (
    "Done. Everything I kept about you is erased. If you come back, we start fresh. "
    "Take care of yourself."
)
DELETE_KEPT = "Okay, nothing was erased."
# "did you delete it?" typed: what erasing did, and how to see.
DELETE_CHECK = (
    'If you tapped "Yes, erase everything", it\'s all erased. /mydata shows what I keep '
    "about you now, and /delete erases it."
)

DELETE_STALE = (
    "That button was from an earlier question, so nothing was erased. "
    "If you want to erase everything, type /delete."
)
MYDATA_INTRO = "Here is everything I keep about you."
# The same, asked for again within a few turns (/mydata twice): not word for word.
MYDATA_AGAIN = "Here it is again: everything I keep about you, as it is now."
# Asked again in words just after it was shown ("notes" after "can i see my old notes").
MYDATA_ABOVE = (
    "That's everything I keep about you, in my message just above. Type /mydata to see it "
    "again at any time."
)
SLOW_DOWN = "I'm reading everything you send. Give me a moment to catch up."

SORRY = (
    "Sorry, something went wrong on my side. Please try again in a moment. "
    "If you are not safe, /sos shows crisis lines."
)

# The command menu Telegram shows beside the text box (no word in it gives anything away).
COMMANDS = (
    ("start", "Start or start again"),
    ("topics", "Choose something to talk about"),
    ("sos", "Crisis lines, right now"),
    ("toolbox", "Your coping toolbox"),
    ("wins", "Times you got through it"),
    ("plan", "Your safety plan"),
    ("checkin", "Check-in settings"),
    ("progress", "A picture of your check-ins"),
    ("country", "Your country, for the right lines"),
    ("keep", "Turn saving on"),
    ("mydata", "Everything kept about you"),
    ("delete", "Erase everything kept about you"),
    ("stop", "Pause the chat and check-ins"),
    ("help", "What this bot can and cannot do"),
)

# The command menu when none is given (the Telegram adapter's own tests).
BASIC_COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Start or start again"),
    ("topics", "Choose something to talk about"),
    ("help", "What this bot can and cannot do"),
    ("sos", "Crisis lines, right now"),
)

# Said once in a group or channel the bot was added to.
PRIVATE_ONLY = (
    "Hi! I only talk in private chats. Tap my name and press Start to talk with me one to one."
)


# -- Buttons under the core's replies ---------------------------------------------------------

SHOW_TOPICS = "Show topics"
KEEP_TALKING = "Keep talking with me"
MORE_WAYS_TO_GET_HELP = "More ways to get help"
HOW_TO_HELP_THEM = "How to help them"
MY_SAFETY_PLAN = "My safety plan"
CHOOSE_MY_COUNTRY = "Choose my country"
GO_BACK = "Go back to where we were"
YES = "Yes"
NO = "No"
RATHER_NOT_SAY = "I'd rather not say"
CRISIS_LINES = "Crisis lines"
URGE_RIGHT_NOW = "I have an urge right now"
DID_IT_AGAIN = "I did it again"
MY_TOOLBOX = "My toolbox"
CARRY_ON_WHERE_WE_WERE = "Carry on where we were"
RIDE_OUT_AN_URGE = "Ride out an urge with me"
ERASE_YES = "Yes, erase everything"
ERASE_NO = "No, keep it"
MORE_COUNTRIES = "More countries"
BACK_TO_FIRST_COUNTRIES = "Back to the start of the list"
SOMEWHERE_ELSE = "Somewhere else"

# -- What a person kept (/wins, "show" in a flow) ---------------------------------------------

KEPT_HEADING = "{label}:"
KEPT_NONE = "{label}: nothing kept here yet."
KEPT_ITEM = "• {text}"
KEPT_ITEM_RATED = "• {text} (helped {rating}/5)"
# After an entry the person hid: still theirs, left out of suggestions until shown again.
KEPT_HIDDEN = " (hidden)"

# -- /mydata: the summary above the file ------------------------------------------------------

MYDATA_SEEN = "• First talked: {first}; last: {last}"
MYDATA_COUNTRY = "• Country for crisis lines: {country}"
MYDATA_NO_COUNTRY = "not chosen"
# Not choosing is not refusing: saving is on or off, and /keep turns it on.
MYDATA_AGREED = "• Saving what you choose to keep: {answer}"
MYDATA_AGREED_YES = "on"
MYDATA_AGREED_NO = "off (type /keep to turn it on)"
KEEP_ALREADY_ON = (
    "Saving is already on: I keep what you choose to save. /mydata shows it, /delete wipes it."
)
MYDATA_KEPT = "• Things you kept: {count}"
MYDATA_KEPT_ITEM = "   - {field}: {text}"
MYDATA_KEPT_HIDDEN = " (hidden)"
MYDATA_CHECKINS = "• Check-ins answered: {count}"
MYDATA_CHECKIN_NOTES = "   - with a note of yours: {count} (the notes are in the file)"
MYDATA_WAITING = "• Messages waiting to be sent: {count}"
MYDATA_END = "The file has all of it. /delete erases it all."

# -- Check-ins: the settings screens ----------------------------------------------------------

CHECKIN_ASK_CONSENT = (
    "Check-ins need me to keep a few settings: how often, what time, and your time zone. "
    "Nothing else, and you can stop them or wipe it all any time. Is that okay?"
)
CHECKIN_CONSENT_YES = "Yes, that's okay"
CHECKIN_OFF = (
    "Check-ins are off. If you like, I can send a short message at a time you pick, "
    "to ask how you're doing. It just says \"Hi, it's Waypoint\", so it's private on a "
    "lock screen. How often would you like one?"
)
CHECKIN_HOW_OFTEN = "How often would you like a check-in?"
# A frequency typed that there is no plan for ("twice a day", "weekends only").
CHECKIN_FREQUENCIES = (
    "I can check in once a day at most: every day, on weekdays, or once a week. "
    "Which would suit you?"
)
CHECKIN_EVERY_DAY = "Every day"
CHECKIN_WEEKDAYS = "Weekdays only"
CHECKIN_WEEKLY = "Once a week"
CHECKIN_ASK_DAY = "Which day of the week suits you?"
CHECKIN_ASK_PERIOD = "What part of the day suits you best?"
CHECKIN_PERIODS = {
    "morning": "Morning (6am to noon)",
    "afternoon": "Afternoon (noon to 5pm)",
    "evening": "Evening (5pm to 10pm)",
    "night": "Night (10pm to 6am)",
}
CHECKIN_ASK_TIME = "Pick a time:"
CHECKIN_ASK_ZONE = "Which time zone are you in? Pick the place nearest you."
CHECKIN_ASK_REGION = "Which part of the world are you in?"
CHECKIN_REGIONS = {
    "eu": "Europe",
    "af": "Africa",
    "am": "The Americas",
    "as": "Asia",
    "au": "Australia and the Pacific",
    "oc": "Atlantic and Indian Ocean islands",
}
BACK = "Back"
MORE_PLACES = "More places"
USE_UTC = "None of these: use UTC"
BACK_TO_REGIONS = "Back to regions"
CHECKIN_STATUS_ON = "Check-ins are on: {when}, {where} time."
CHECKIN_STATUS_PAUSED = "They're paused until {until}."
CHECKIN_STATUS_NEXT = "The next one is {next_at}."
CHECKIN_CHANGE_TIME = "Change day or time"
CHECKIN_CHANGE_ZONE = "Change time zone"
CHECKIN_UNPAUSE = "Start again now"
CHECKIN_PAUSE_3 = "Pause for 3 days"
CHECKIN_PAUSE_7 = "Pause for a week"
CHECKIN_SNOOZE = "Check in with me in an hour"
CHECKIN_SEE_PROGRESS = "See how my check-ins look"
CHECKIN_STOP = "Stop check-ins"
CHECKIN_BETTER = (
    "I'm glad it's eased a bit. Getting through that took something. I'm here any time."
)
CHECKIN_STOPPED = "Check-ins are off. Nothing more will arrive. /checkin turns them on again."
CHECKIN_NO_TIME = "I didn't catch a time there. You can type one like 19:30 or 7pm, or pick one:"
CHECKIN_NO_ZONE = "I don't know that place. Type a nearby big city, or pick from the list:"
CHECKIN_SNOOZED = "Okay. I'll check in with you in about an hour."
CHECKIN_PAUSED = "Okay, check-ins are paused until {until}. Take care of yourself."
CHECKIN_DONE = "Done. Check-ins are on:"  # news each time (bot/core/repeats.py, rule 2)
CHECKIN_SAVED = (
    CHECKIN_DONE + " I'll message you {when}. The next one is {next_at}. "
    "You can change or stop them any time with /checkin."
)
CHECKIN_CHANGE_IT = "Change it"
# A plan moved by words typed outside the time step: a way to undo it, with the old time.
CHECKIN_PUT_BACK = "Put it back to {when}"
CHECKIN_ALREADY = "That's what they're set to already: {when}, {where} time."
# A time typed with no morning or evening to it ("half 8"): both, to pick.
CHECKIN_WHICH_HOUR = "Which do you mean: {morning} or {evening}?"
# "Is that 9pm india time?", once check-ins are set: the zone they use, plainly.
CHECKIN_ZONE_SAME = "Yes: {time}, {where} time. That's the time zone your check-ins use."
CHECKIN_ZONE_IS = "Your check-ins come at {time}, {where} time."
CHECKIN_ZONE_OTHER = (
    "Your check-ins come at {time} {where} time, not {asked} time. If that's wrong, "
    "you can change the time zone."
)
CHECKIN_SETTINGS = "Check-in settings"
CARRY_ON = "Carry on"
BACK_TO_TOPICS = "Back to topics"
SHOW_DAYS = "Show {days} days"

# -- Check-ins: how a plan and a moment are said ----------------------------------------------

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EVERY_DAY_AT = "every day at {time}"
WEEKDAYS_AT = "weekdays at {time}"
WEEKLY_AT = "{day}s at {time}"
DAY_AT = "{day} at {time}"
MIDNIGHT = " (midnight)"
NOON = " (noon)"

# -- Check-ins: what is sent, and the check-back ----------------------------------------------

CHECKBACK = "Hi, it's Waypoint, checking back in. How are you doing now?"
CHECKBACK_BETTER = "A bit better"
CHECKBACK_STILL_HARD = "Still hard"
CHECKBACK_HELP = "Ways to get help"
CHECKIN_LATER = "Ask me in an hour"

# -- /progress --------------------------------------------------------------------------------

PROGRESS_NOTHING_YET = (
    "There's nothing to show yet. Once you've answered a check-in or two, "
    "I can draw how your days have been. /checkin sets them up."
)
PROGRESS_CAPTION = (
    "Your check-ins from the last {days} days. Ups and downs are a normal part of "
    "recovery, and a hard day doesn't undo the good ones. Every check-in is you "
    "looking after yourself."
)
PROGRESS_WINS = " The stars are wins you noted."
# What was around on the harder days (mood 1-2, or strong urges), from the tags the person
# picked at their check-ins: their tags only, never their note.
PROGRESS_AROUND = (
    "What was around on your harder days: {tags}. Knowing this can help you plan ahead "
    "and be kind to yourself."
)
PROGRESS_AROUND_TAG = "{label} ({days} of them)"
# The check-in's tags for what was around that day: the ids the checkin flow collects
# (`collect: {var: tags, value: ID}`), with the labels its buttons show.
CHECKIN_TAGS = {
    "school_work": "School or work",
    "family": "Family",
    "friends": "Friends",
    "alone": "Feeling alone",
    "sleep": "Sleep",
    "body": "My body or looks",
    "online": "Online or social media",
}
PROGRESS_MOOD = "Mood"
PROGRESS_MOOD_TICKS = ("hard", "okay", "good")
PROGRESS_URGES = "Urges"
PROGRESS_URGE_TICKS = ("none", "some", "strong")

# -- The safety plan, to keep outside the bot (a picture and a text to send) ------------------

PLAN_COPY_TITLE = "My safety plan"
PLAN_COPY_STEPS = (
    ("plan_warning_signs", "1. My warning signs"),
    ("plan_coping", "2. Things I can do on my own"),
    ("plan_distractions", "3. People and places that take my mind off things"),
    ("plan_helpers", "4. People I can ask for help"),
    ("plan_professionals", "5. Professionals and services"),
    ("plan_safer", "6. Making things safer"),
    ("plan_reasons", "7. What keeps me going"),
)
PLAN_COPY_EMPTY_STEP = "(nothing here yet)"
PLAN_COPY_START = "Start at step 1 and go down the list until you feel safer."
PLAN_COPY_DANGER = "If you are in danger, call your local emergency number now."
PLAN_COPY_LINE = "{name}: {how}"
PLAN_COPY_CALL = "call {phone}"
PLAN_COPY_TEXT = "text {text}"
PLAN_COPY_PICTURE = (
    "Here is your plan as a picture. You can save it to your phone, or print it, "
    "so you have it even without me."
)
PLAN_COPY_TO_SEND = (
    "And here it is as text. You can forward the next message to someone you trust, "
    "or copy it into a note. You choose who sees it."
)
PLAN_COPY_TEXT_INTRO = (
    "This is my safety plan. I'm sharing it so you know what helps me when things get "
    "hard, and how you can help."
)
PLAN_COPY_NOTHING = (
    "Your plan is empty for now, so there's nothing to copy yet. Add a step or two first."
)

# -- The terminal -----------------------------------------------------------------------------

TERMINAL_WELCOME = (
    "Waypoint, in your terminal. Type /start to begin, /help for help, Ctrl-D to leave.\n"
)
TERMINAL_PICTURE = "   [picture saved to {path}]"
TERMINAL_FILE = "   [file saved to {path}]"
TERMINAL_SCALE = "   [ {numbers} ]  (type a number)"
