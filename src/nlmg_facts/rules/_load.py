"""Imports every rule module so their ``@rule`` decorators register them."""

# Add one import per rule module; keep sorted.
from . import ages  # noqa: F401
from . import authors  # noqa: F401
from . import citations  # noqa: F401
from . import dates  # noqa: F401
from . import elections  # noqa: F401
from . import honours  # noqa: F401
from . import infobox  # noqa: F401
from . import quantities  # noqa: F401
from . import rankings  # noqa: F401
from . import sources  # noqa: F401
from . import sums  # noqa: F401
from . import values  # noqa: F401
