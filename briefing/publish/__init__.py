"""Publish: the podcast feed of the output folder, its web player, and a small server for phones."""

from briefing.publish.episodes import Episode, EpisodeStory, StoryLink, load_episodes
from briefing.publish.feed import FEED_NAME, feed_xml, write_feed
from briefing.publish.network import default_base_url, lan_address
from briefing.publish.web import write_player

__all__ = [
    "FEED_NAME",
    "Episode",
    "EpisodeStory",
    "StoryLink",
    "default_base_url",
    "feed_xml",
    "lan_address",
    "load_episodes",
    "write_feed",
    "write_player",
]
