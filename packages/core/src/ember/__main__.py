"""`python -m ember`: the same command line as the `ember` console script."""

from ember.cli import main

raise SystemExit(main())
