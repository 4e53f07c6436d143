"""HipFit Desktop: paces a runner through hip-strengthening exercises."""

__version__ = "0.1.0"
