"""What a page puts in the search index: its text analysed for Finnish, Swedish and English.

Below the content apps (their page types index through ``indexing.pages``) and above ``core``;
the ``search`` app analyses queries with the same ``indexing.analysis``.
"""
