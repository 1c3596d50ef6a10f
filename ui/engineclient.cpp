#include "ui/engineclient.h"
