"""Story threads: articles about the same real-world event, in any wording, grouped as they arrive.

Pure code, no SQL: `represent` turns an article into what assignment compares (weighted terms,
entity keys, a date), `assign` keeps the active stories and decides, for each new article, which
story it joins or whether it starts one. The archive persists both (document frequencies, story
centroids) so that ingesting a corpus in one run or in ten gives the same threads.
"""

from dateline.stories.assign import Decision, StoryIndex, StoryParams
from dateline.stories.represent import Profile, profile, profile_text

__all__ = ["Decision", "Profile", "StoryIndex", "StoryParams", "profile", "profile_text"]
