"""The home page's 16 Days block (owned by the demo/home work): filled in by its helper."""
