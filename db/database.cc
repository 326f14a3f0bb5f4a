// placeholder, replaced by the storage module
