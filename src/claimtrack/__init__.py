"""claimtrack: a command-line tracker of diplomatic claims."""
