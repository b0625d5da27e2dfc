// The block menu of a StreamField offers only the block types that may still be added:
// a type whose maximum count (StreamBlock block_counts max_num) is reached is left out.
(function () {
  const streamField = window.wagtailStreamField;
  if (!streamField || !streamField.blocks || !streamField.blocks.StreamBlock) {
    return;
  }
  const StreamBlock = streamField.blocks.StreamBlock;
  const createInsertionControl = StreamBlock.prototype._createInsertionControl;

  StreamBlock.prototype._createInsertionControl = function (placeholder, options) {
    const inserter = createInsertionControl.call(this, placeholder, options);
    const stream = this;
    const allGroups = inserter.groupedChildBlockDefs;
    if (!Array.isArray(allGroups)) {
      return inserter;
    }
    const stillAllowed = function (blockDef) {
      const max = stream.getBlockMax(blockDef.name);
      return typeof max !== 'number' || stream.getBlockCount(blockDef.name) < max;
    };
    Object.defineProperty(inserter, 'groupedChildBlockDefs', {
      configurable: true,
      get: function () {
        return allGroups
          .map(function (group) {
            return [group[0], group[1].filter(stillAllowed)];
          })
          .filter(function (group) {
            return group[1].length > 0;
          });
      },
      set: function () {},
    });
    return inserter;
  };
})();
