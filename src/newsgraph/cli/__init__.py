"""The `newsgraph` command line: a thin layer over `batch` and `store`."""
