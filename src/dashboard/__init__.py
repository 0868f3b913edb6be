"""Klyngemonitor: the funders' dashboard for Norway's cluster programme."""
