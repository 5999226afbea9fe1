"""Sub-commands of the ``briefings`` command line (private; see :mod:`briefings.cli`)."""
