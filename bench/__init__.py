"""`make bench`: the site under wrk against a bare-Django baseline (see run.py)."""
