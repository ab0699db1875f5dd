"""What the core itself says, outside the flows. Plain words; see SAFE_MESSAGING.md."""

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

NOT_KEPT = (
    "I haven't kept that, because you haven't said I can keep things for you. "
    "You can change that with /start."
)

NOTHING_KEPT = "Nothing kept here yet."

STAY_WITH_YOU = (
    "I'm here with you. You don't have to go through this moment alone.\n\n"
    "Are you safe right now? If not, please call your local emergency number now."
)
STAY = STAY_WITH_YOU + " If you can, would one of these help?"

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
ASKED_NOT_SAYING = (
    "That's okay, you don't have to tell me. If you are thinking about suicide, people "
    "can help: type /sos at any time to see crisis lines. Would one of these help now?"
)
# "Yes, I'm safe" to "Are you safe right now?".
SAFE_NOW = (
    "I'm glad you're safe right now. I'm here, and we can take the next few minutes "
    "together. Would one of these help?"
)

COUNTRY_ASK = (
    "Where do you live? I'll use it to show the right crisis lines. "
    "I only keep the country, nothing more precise."
)

COUNTRY_SET = "Thanks. I'll show crisis lines for {name}."

COUNTRY_INTERNATIONAL = (
    "Okay. I'll show international options, which can point you to a line where you are."
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

DELETE_STALE = (
    "That button was from an earlier question, so nothing was erased. "
    "If you want to erase everything, type /delete."
)

MYDATA_INTRO = "Here is everything I keep about you."

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
