"""Names of languages, for the reader: the timeline's filter says "Arabic", not "ar".

The site's own words are English, so the names are English. A language not listed is shown by
its tag, which is still a working filter.
"""

from __future__ import annotations

NAMES = {
    "am": "Amharic", "ar": "Arabic", "bn": "Bengali", "ckb": "Central Kurdish", "cs": "Czech",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "ha": "Hausa", "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian",
    "id": "Indonesian", "it": "Italian", "ja": "Japanese", "ko": "Korean", "ku": "Kurdish",
    "ms": "Malay", "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "ps": "Pashto",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "so": "Somali", "sv": "Swedish",
    "sw": "Swahili", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "zh": "Chinese",
}  # fmt: skip


def language_name(tag: str) -> str:
    """The English name of a primary language tag ("ar" → "Arabic"), or the tag itself."""
    return NAMES.get(tag.lower(), tag)
