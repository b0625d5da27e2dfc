"""``{% shared_fragment name part... %}…{% endshared_fragment %}``: a piece of a page kept in the cache until
the content changes (``hosting.cache.shared_fragment``).

The name and the parts (``page.pk``) make the key, with the content generation, the host and the
language; what the piece shows must follow from them alone, so the visitor's own bits (the
comparison button, messages, forms) stay outside. Nothing set inside the piece (``as`` variables)
is seen after it, as a cached piece is not rendered.
"""

from django import template

from ..cache import shared_fragment as cached

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        name = ":".join(str(part.resolve(context)) for part in self.parts)
        with context.push():  # what the piece sets stays in it, cached or not
            return cached(context.get("request"), name, lambda: self.nodelist.render(context))


@register.tag
def shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes a name and the parts that identify the piece")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])
