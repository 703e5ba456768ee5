"""The build cache: the only place with SQL."""
