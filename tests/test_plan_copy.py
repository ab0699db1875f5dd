"""The safety plan's copy to keep outside the bot: a picture to save and a text to send."""

from __future__ import annotations

from bot.core import plan_copy, words

PLAN = {
    "plan_warning_signs": ["I stop answering messages"],
    "plan_coping": ["Slow breathing", "A long walk with music that I love and know by heart"],
    "plan_helpers": ["My sister Jo, 07700 900123"],
}


def test_the_copy_is_a_picture_then_a_word_then_the_text_to_forward() -> None:
    picture, note, text = plan_copy.replies(PLAN, country="GB")

    assert picture.image is not None and picture.image.startswith(b"\x89PNG")
    assert picture.text == words.PLAN_COPY_PICTURE
    assert note.text == words.PLAN_COPY_TO_SEND
    assert text.text.startswith(words.PLAN_COPY_TEXT_INTRO)
    assert "2. Things I can do on my own\n• Slow breathing\n• A long walk" in text.text
    assert "My sister Jo, 07700 900123" in text.text
    assert "5. Professionals" not in text.text  # empty steps are left out of the text
    assert words.PLAN_COPY_DANGER in text.text
    assert "Samaritans: call 116 123" in text.text


def test_the_picture_grows_with_the_plan_and_keeps_empty_steps() -> None:
    small = plan_copy.picture({"plan_coping": ["Music"]}, footer=["Footer"])
    big = plan_copy.picture({**PLAN, "plan_reasons": ["My cat"] * 12}, footer=["Footer"])
    assert small.startswith(b"\x89PNG") and len(big) > len(small)


def test_an_empty_plan_gets_a_kind_word_and_no_picture() -> None:
    (reply,) = plan_copy.replies({}, country=None)
    assert reply.text == words.PLAN_COPY_NOTHING and reply.image is None
