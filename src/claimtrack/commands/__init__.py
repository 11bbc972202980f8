"""click commands, one module per group; each parses options, calls the domain, renders."""
