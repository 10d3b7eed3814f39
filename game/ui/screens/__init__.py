"""One module per screen; each screen builds its widgets, handles events and returns a transition.

Importing this package imports every screen module, and each screen class registers itself by name in
`registry` as its module is imported: that is how the app (and a screen opening another) finds them.
"""

# imported for their registration only ("as": a plain `import game.ui.screens.game` would bind `game` here)
import game.ui.screens.budget as budget
import game.ui.screens.dashboard as dashboard
import game.ui.screens.facilities as facilities
import game.ui.screens.fleet as fleet
import game.ui.screens.game as game
import game.ui.screens.handoff as handoff
import game.ui.screens.intel as intel
import game.ui.screens.missions as missions
import game.ui.screens.newgame as newgame
import game.ui.screens.news as news
import game.ui.screens.overlays as overlays
import game.ui.screens.packages as packages
import game.ui.screens.research as research
import game.ui.screens.resolution as resolution
import game.ui.screens.saveload as saveload
import game.ui.screens.settings as settings
import game.ui.screens.summary as summary
import game.ui.screens.title as title

__all__ = [
    "budget",
    "dashboard",
    "facilities",
    "fleet",
    "game",
    "handoff",
    "intel",
    "missions",
    "newgame",
    "news",
    "overlays",
    "packages",
    "research",
    "resolution",
    "saveload",
    "settings",
    "summary",
    "title",
]
