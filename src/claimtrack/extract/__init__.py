"""Proposing claims from an article: rule-based, in Arabic, English and Russian.

`article` reads the file (plain text or HTML) and its dateline; `passages` finds
quotations and reporting sentences; `names` finds the store's people, sides and
topics in them; `proposals` turns each passage into a proposed claim, with
`dating` finding its day; `scoring` measures proposals against claims recorded by
hand; `review` is the interactive accept/edit/skip loop.
"""
